#include <catch2/catch.hpp>

#include <cstdlib>

#include "runtime/sys/error.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/temp_dir.hpp"
#include "runtime/oci/record.hpp"

using namespace ucrun;

TEST_CASE("container ids that could become paths are refused", "[ucrun][record]") {
    CHECK_NOTHROW(validate_container_id("abc-DEF_1.2+3"));
    for (std::string bad : {"", ".", "..", "../../etc", "a/b", "a b", "a\nb"})
        CHECK_THROWS_AS(validate_container_id(bad), sys::Error);
    CHECK_THROWS_AS(validate_container_id(std::string(2000, 'a')), sys::Error);
}

TEST_CASE("records round-trip through JSON and the store", "[ucrun][record]") {
    Record r{"c1", Kind::unikernel, "/usr/bin/crun", "/b", "2026-01-01T00:00:00Z"};
    Record back = record_from_json(record_to_json(r), "x");
    CHECK(back.id == "c1");
    CHECK(back.kind == Kind::unikernel);
    CHECK(back.delegate == "/usr/bin/crun");
    CHECK_THROWS_AS(record_from_json("{}", "x"), sys::Error);
    CHECK_THROWS_AS(record_from_json(R"({"id":"a","kind":"vm"})", "x"), sys::Error);

    sys::TempDir dir("ucrun-unit-");
    const std::string& root = dir.path();
    RecordStore store(root);
    CHECK_FALSE(store.exists("c1"));
    CHECK_FALSE(store.find("c1"));
    store.create(r);
    CHECK(store.exists("c1"));
    CHECK(store.load("c1").bundle == "/b");
    CHECK_THROWS_WITH(store.create(r), "container `c1` already exists");
    store.remove("c1");
    CHECK_FALSE(store.exists("c1"));
    CHECK_THROWS_WITH(store.load("c1"), Catch::Contains("does not exist"));
    store.remove("c1");  // idempotent
}

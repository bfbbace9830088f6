// `images` over a scripted client: the image of each of the project's containers (docker
// compose's CONTAINER / REPOSITORY / TAG / IMAGE ID / SIZE table), -q's unique IDs, json.
#include <catch2/catch.hpp>

#include "engine_harness.hpp"

using namespace ucompose;
using namespace engine_test;

namespace {

const char* kImages = R"(
services:
  a:
    image: docker.io/library/busybox:latest
  b:
    image: localhost:5000/app
)";

const std::string kBusyboxId = "3f57d9401f8d42f986df300f0c69192fc41da28ccc8d797829467780db3dd741";
const std::string kAppId = "9c7a54a9a43cca047013b82af109fe963fde787f63f9e016fdc3384500c2823d";

// a has two containers of one image (one stopped: docker compose lists created containers),
// b one of an image named without a tag behind a registry port; the one-off is left out.
std::vector<Listed> listed() {
    return {{"a", 1, "running", "", kBusyboxId},
            {"a", 2, "exited", "", kBusyboxId},
            {"b", 1, "running", "", kAppId},
            {"b", 3, "running", "", kAppId, true}};
}

std::string images_listing() {
    nlohmann::json all = nlohmann::json::array();
    all.push_back({{"Id", kBusyboxId}, {"Names", {"docker.io/library/busybox:latest"}}, {"Size", 4261550}});
    all.push_back({{"Id", kAppId}, {"Names", {"localhost:5000/app:latest"}}, {"Size", 123456789}});
    return all.dump();
}

ImagesOptions images_of(std::vector<std::string> services = {}) {
    ImagesOptions o;
    o.services = std::move(services);
    return o;
}

// A table row (or the header): each cell but the last padded to its column's width (`widths`:
// CONTAINER, REPOSITORY, TAG, IMAGE ID, the widest cell of each) plus three spaces.
using Widths = std::vector<std::size_t>;
const Widths kAll = {9, 25, 6, 12};  // REPOSITORY: docker.io/library/busybox
const Widths kB = {9, 18, 6, 12};    // REPOSITORY: localhost:5000/app
std::string row(const std::vector<std::string>& cells, const Widths& widths = kAll) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        line += cells[i];
        if (i + 1 < cells.size()) line += std::string(widths[i] - cells[i].size() + 3, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();  // an empty last cell
    return line + "\n";
}

}  // namespace

TEST_CASE("images: a row per container, -q's unique IDs, --format json; podman failing", "[engine][images]") {
    const Project p = load_yaml(kImages);
    const std::vector<std::string> both = {ps_line(p), "images --format json"};
    const std::string header = row({"CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"});
    const std::string a1 = row({"p_a_1", "docker.io/library/busybox", "latest", "3f57d9401f8d", "4.26MB"});
    const std::string a2 = row({"p_a_2", "docker.io/library/busybox", "latest", "3f57d9401f8d", "4.26MB"});
    const std::string b1 = row({"p_b_1", "localhost:5000/app", "latest", "9c7a54a9a43c", "123MB"});
    const std::string b_only = row({"CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"}, kB) +
                               row({"p_b_1", "localhost:5000/app", "latest", "9c7a54a9a43c", "123MB"}, kB);
    ImagesOptions q = images_of();
    q.quiet = true;
    ImagesOptions qb = images_of({"b"});
    qb.quiet = true;
    struct Case {
        const char* name;
        ImagesOptions options;
        Replies replies;
        Expected expected;
    };
    const std::vector<Case> cases = {
        // The tag after the last ':' past the last '/', else latest; sizes in docker's units.
        {"table", images_of(), {}, {.lines = both, .out = header + a1 + a2 + b1}},
        {"one service", images_of({"b"}), {}, {.lines = both, .out = b_only}},
        {"-q: each image ID once, in full", q, {}, {.lines = both, .out = kBusyboxId + "\n" + kAppId + "\n"}},
        {"-q b", qb, {}, {.lines = both, .out = kAppId + "\n"}},
        {"an image podman no longer lists: no size", images_of({"a"}), {{{"images"}, ok("[]")}},
         {.lines = both,
          .out = header + row({"p_a_1", "docker.io/library/busybox", "latest", "3f57d9401f8d", ""}) +
                 row({"p_a_2", "docker.io/library/busybox", "latest", "3f57d9401f8d", ""})}},
        {"listing the containers fails", images_of(), {{{"ps"}, failed(125, "Error: database is locked\n")}},
         {.code = 1, .lines = {ps_line(p)}, .errors = {"ucompose: error: list containers: database is locked"}, .out = ""}},
        {"listing the images fails", images_of(), {{{"images"}, failed(125, "Error: database is locked\n")}},
         {.code = 1, .lines = both, .errors = {"ucompose: error: list images: database is locked"}, .out = ""}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Harness h(load_yaml(kImages));
        h.client->reply({"ps"}, ok(ps_json(h.project(), listed())));
        h.client->reply({"images"}, ok(images_listing()));
        script(*h.client, c.replies);
        Outcome r = run_main([&] { return images(h.session, c.options); });
        check_outcome(r, *h.client, c.expected);
    }
}

TEST_CASE("images --format json: docker compose's fields", "[engine][images]") {
    Harness h(load_yaml(kImages));
    h.client->reply({"ps"}, ok(ps_json(h.project(), listed())));
    h.client->reply({"images"}, ok(images_listing()));
    ImagesOptions o = images_of({"b"});
    o.format = "json";
    Outcome r = run_main([&] { return images(h.session, o); });
    CHECK(r.code == 0);
    CHECK(nlohmann::json::parse(r.out) == nlohmann::json::parse(R"([{"ContainerName": "p_b_1",
        "Repository": "localhost:5000/app", "Tag": "latest",
        "ID": "9c7a54a9a43cca047013b82af109fe963fde787f63f9e016fdc3384500c2823d", "Size": 123456789}])"));
}

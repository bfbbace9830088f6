#include <catch2/catch.hpp>

#include "orchestrator/image/guest_layout.hpp"
#include "runtime/sys/error.hpp"

using namespace ucompose::image;

TEST_CASE("guest layout: init, app, libraries, modules and defaults in their places") {
    GuestLayout l;
    l.init_binary = "INIT";
    l.app_path = "/usr/bin/busybox";
    l.interpreter = "/lib64/ld-linux-x86-64.so.2";
    l.libraries = {{"libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", "/usr/bin/busybox"}};
    l.kernel_version = "6.1.0-56-cloud-amd64";
    l.modules_dir = "/lib/modules/6.1.0-56-cloud-amd64";
    l.modules = {"kernel/drivers/virtio/virtio_ring.ko", "kernel/drivers/net/virtio_net.ko"};
    l.args = {"httpd", "-f", "-p", "80"};
    l.env = {"GREETING=hello"};
    l.files = {{"/srv/www/index.html", "/www/index.html", 0644}};
    auto plan = plan_guest_initramfs(l);
    const auto& e = plan.entries();

    REQUIRE(e.count("init"));
    CHECK(e.at("init").data == "INIT");
    CHECK(e.at("init").mode == 0755);
    CHECK(e.at("dev/console").kind == InitramfsEntry::Kind::CharDevice);
    CHECK(e.at("usr/bin/busybox").host_path == "/usr/bin/busybox");
    CHECK(e.at("lib64/ld-linux-x86-64.so.2").host_path == "/lib64/ld-linux-x86-64.so.2");
    CHECK(e.at("lib/x86_64-linux-gnu/libc.so.6").host_path == "/lib/x86_64-linux-gnu/libc.so.6");
    CHECK(e.at("lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/net/virtio_net.ko").host_path ==
          "/lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/net/virtio_net.ko");
    CHECK(e.at("lib/modules/load-order").data ==
          "6.1.0-56-cloud-amd64/kernel/drivers/virtio/virtio_ring.ko\n"
          "6.1.0-56-cloud-amd64/kernel/drivers/net/virtio_net.ko\n");
    CHECK(e.at("ucrun.default/args").data == std::string("/usr/bin/busybox\0httpd\0-f\0-p\0" "80\0", 32));
    CHECK(e.at("ucrun.default/env").data == std::string("GREETING=hello\0", 15));
    CHECK(e.at("www/index.html").host_path == "/srv/www/index.html");
    CHECK(e.at("www").kind == InitramfsEntry::Kind::Directory);
    CHECK(e.at("tmp").mode == 01777);
}

TEST_CASE("guest layout: --file specs") {
    CHECK(parse_file_mapping("./conf/a.conf:/etc/a.conf") == FileMapping{"./conf/a.conf", "/etc/a.conf", 0644});
    CHECK_THROWS_WITH(parse_file_mapping("a.conf"), "--file \"a.conf\": expected SRC:DST");
    CHECK_THROWS_WITH(parse_file_mapping("a:etc/a"), Catch::Contains("DST must be an absolute path"));
}

TEST_CASE("guest layout: two different files for one path are an error") {
    InitramfsPlan plan;
    plan.add_host_file("/etc/a", "/x/a", 0644);
    plan.add_host_file("/etc/a", "/x/a", 0644);  // the same file twice is fine
    CHECK_THROWS_WITH(plan.add_host_file("/etc/a", "/y/a", 0644), "two different files for /etc/a in the image");
    CHECK_THROWS_WITH(plan.add_data("/etc/a/b", "x"), Catch::Contains("is both a file and the directory"));
}

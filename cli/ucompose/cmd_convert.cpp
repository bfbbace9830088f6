// `ucompose convert --format kubernetes [-o DIR] [SERVICE...]`: Kubernetes manifests of the project
// (orchestrator/kube; docs/kubernetes-convert.md). Without -o, one multi-document YAML stream on
// stdout; with -o, one file per object in DIR (created). Warnings go to stderr.
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/ucompose/commands.hpp"
#include "cli/ucompose/engine_cli.hpp"
#include "orchestrator/engine/observed.hpp"
#include "orchestrator/kube/convert.hpp"
#include "orchestrator/kube/yaml_io.hpp"
#include "orchestrator/model/loader.hpp"
#include "runtime/sys/file.hpp"
#include "runtime/sys/process.hpp"

namespace {

struct ConvertCliOptions {
    std::string format = "kubernetes";
    std::string output_dir;
    std::string init_image = ucompose::kube::kDefaultInitImage;
    std::vector<std::string> services;
};

// `podman images` of the images with the label; an exec failure is a failed run.
sys::RunResult labelled_images(const std::string& podman, const std::string& label) {
    try {
        return sys::run({podman, "images", "--format", "json", "--filter", "label=" + label});
    } catch (const sys::Error& e) {
        return {127, {}, e.what()};
    }
}

// The local unikernel OCI images by registry name, newest first (podman lists newest first).
// Asked once; a podman that cannot answer only turns the detection by image off.
std::map<std::string, std::vector<std::string>> local_unikernel_images(const std::string& podman) {
    const std::string label = ucompose::kube::kUnikernelNameLabel;
    std::map<std::string, std::vector<std::string>> out;
    sys::RunResult r = labelled_images(podman, label);
    if (r.exit_code != 0) {
        spdlog::warn("podman images failed ({}): unikernel images are not recognised by their labels",
                     r.err.empty() ? "exit " + std::to_string(r.exit_code) : r.err.substr(0, r.err.find('\n')));
        return out;
    }
    for (const auto& image : ucompose::parse_images_json(r.out)) {
        auto it = image.labels.find(label);
        if (it == image.labels.end())
            continue;
        auto& refs = out[it->second];
        refs.insert(refs.end(), image.names.begin(), image.names.end());
    }
    return out;
}

void write_objects(const std::string& dir, const std::vector<ucompose::kube::KubeObject>& objects) {
    try {
        sys::make_dirs(dir);
        for (const auto& o : objects) {
            sys::write_file_atomic(dir + "/" + o.file, ucompose::kube::emit_document(o.body));
            std::cout << dir << "/" << o.file << "\n";
        }
    } catch (const sys::Error& e) {
        throw sys::Error("cannot write the manifests to " + dir + ": " + e.what());
    }
}

void run_convert(const GlobalOptions& g, const ConvertCliOptions& o) {
    if (o.format != "kubernetes")
        throw sys::Error("unknown format \"" + o.format + "\" for convert (supported: kubernetes)");
    ucompose::Project p = ucompose::load_project(ucompose::load_options(session_options(g, o.services)));
    ucompose::kube::ConvertOptions co;
    co.unikernel_images = local_unikernel_images(g.podman_path);
    co.init_image = o.init_image;
    ucompose::kube::Conversion c = ucompose::kube::convert(p, co);
    for (const auto& w : c.warnings)
        spdlog::warn("{}", w);
    if (!o.output_dir.empty())
        return write_objects(o.output_dir, c.objects);
    std::vector<ucompose::kube::Manifest> bodies;
    for (const auto& obj : c.objects)
        bodies.push_back(obj.body);
    std::cout << ucompose::kube::emit_stream(bodies);
}

}  // namespace

void add_convert_command(CLI::App& app, GlobalOptions& g) {
    auto opts = std::make_shared<ConvertCliOptions>();
    auto* cmd = app.add_subcommand("convert", "Write Kubernetes manifests of the project");
    cmd->add_option("--format", opts->format, "Output format (kubernetes)")->capture_default_str();
    cmd->add_option("-o,--output", opts->output_dir, "Write one file per object into this directory");
    cmd->add_option("--init-image", opts->init_image, "Image of the initContainers that wait for dependencies")
        ->capture_default_str();
    cmd->add_option("services", opts->services, "Services to convert (with their dependencies)");
    cmd->callback([&g, opts] { run_convert(g, *opts); });
}

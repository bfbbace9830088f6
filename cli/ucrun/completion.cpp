#include "cli/ucrun/completion.hpp"

#include <iostream>

#include "cli/completion/from_cli11.hpp"

namespace ucrun_cli {

CLI::App* add_completion_verb(CLI::App& app) {
    auto* verb = app.add_subcommand("completion", "print a shell completion script");
    verb->group("");  // hidden, like runc's own internal verbs
    verb->add_option("shell")->description("shell (bash)")->required()->check(CLI::IsMember({"bash"}));
    return verb;
}

int print_completion(const CLI::App& app) {
    std::cout << completion::bash_script("ucrun", completion::from_cli11(app));
    return 0;
}

}  // namespace ucrun_cli

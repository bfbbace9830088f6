// Payloads built with the project and carried inside ucompose: the tracker binary and its
// Containerfile (tracker/), and the static guest init (runtime/guest/).
#pragma once
#include <string_view>

namespace ucompose::image {

std::string_view tracker_binary();
std::string_view tracker_containerfile();
std::string_view guest_init_binary();

}  // namespace ucompose::image

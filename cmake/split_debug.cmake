# ucompose_split_debug(<target> <destination>): after install(TARGETS <target> ... <destination>),
# keeps the target's debug info out of the installed binary, the way Debian's dh_strip does:
#  - default component: when the install strips (CMAKE_INSTALL_DO_STRIP), the installed binary
#    gets a .gnu_debuglink to <target>.debug;
#  - component `debug`: <prefix>/lib/debug/.build-id/<xx>/<rest>.debug, gdb's build-id path
#    (under /usr that is Debian's /usr/lib/debug/.build-id; the .deb puts it in ucompose-dbgsym).
# The .debug file is made once per link from the unstripped build output
# (objcopy --only-keep-debug --compress-debug-sections), in <build>/debug/. docs/packaging.md.
function(ucompose_split_debug target destination)
  set(common "set(UC_BINARY \"$<TARGET_FILE:${target}>\")
set(UC_DEBUG \"${CMAKE_BINARY_DIR}/debug/${target}.debug\")
set(UC_OBJCOPY \"${CMAKE_OBJCOPY}\")
set(UC_READELF \"${CMAKE_READELF}\")
set(UC_DESTINATION \"${destination}\")
set(UC_NAME \"$<TARGET_FILE_NAME:${target}>\")
")
  set(run "include(\"${PROJECT_SOURCE_DIR}/cmake/split_debug_install.cmake\")")
  install(CODE "${common}set(UC_MODE link)\n${run}")
  install(CODE "${common}set(UC_MODE file)\n${run}" COMPONENT debug)
endfunction()

# Install-time half of cmake/split_debug.cmake (included by the install script, where
# CMAKE_INSTALL_PREFIX, DESTDIR and CMAKE_INSTALL_DO_STRIP are set).
#   UC_MODE link: add the .gnu_debuglink to the installed (already stripped) binary;
#   UC_MODE file: install the .debug file under lib/debug/.build-id/.
if(NOT CMAKE_INSTALL_DO_STRIP)
  return()  # an unstripped install keeps the debug info inside the binary
endif()

if(NOT EXISTS "${UC_DEBUG}" OR "${UC_BINARY}" IS_NEWER_THAN "${UC_DEBUG}")
  get_filename_component(dir "${UC_DEBUG}" DIRECTORY)
  file(MAKE_DIRECTORY "${dir}")
  execute_process(COMMAND "${UC_OBJCOPY}" --only-keep-debug --compress-debug-sections=zlib
                          "${UC_BINARY}" "${UC_DEBUG}.tmp"
                  COMMAND_ERROR_IS_FATAL ANY)
  file(RENAME "${UC_DEBUG}.tmp" "${UC_DEBUG}")
endif()

if(UC_MODE STREQUAL "link")
  set(installed "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${UC_DESTINATION}/${UC_NAME}")
  # Up-to-date installs are stripped again by CMake; a link left from before is replaced.
  execute_process(COMMAND "${UC_OBJCOPY}" --remove-section=.gnu_debuglink "${installed}"
                  COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${UC_OBJCOPY}" "--add-gnu-debuglink=${UC_DEBUG}" "${installed}"
                  COMMAND_ERROR_IS_FATAL ANY)
elseif(UC_MODE STREQUAL "file")
  execute_process(COMMAND "${UC_READELF}" -n "${UC_BINARY}" OUTPUT_VARIABLE notes
                  COMMAND_ERROR_IS_FATAL ANY)
  if(notes MATCHES "Build ID: ([0-9a-f][0-9a-f])([0-9a-f]+)")
    file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/debug/.build-id/${CMAKE_MATCH_1}"
         TYPE FILE RENAME "${CMAKE_MATCH_2}.debug" FILES "${UC_DEBUG}")
  else()  # no build id (a linker without --build-id): lib/debug/<destination>/<name>.debug
    file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/debug/${UC_DESTINATION}"
         TYPE FILE RENAME "${UC_NAME}.debug" FILES "${UC_DEBUG}")
  endif()
endif()

# Renders a page a cadre-policy command writes in headless Chromium and
# checks that it rendered: the page loads nothing from outside, its DOM after
# layout has the expected title and marker, and the screenshot is not blank
# (a blank 1280×1600 page compresses to a few KB; a rendered one to far
# more). Skipped where Chromium is not installed, with a message saying so
# (`SKIPPED:`, the test's SKIP_REGULAR_EXPRESSION).
#   -DCLI=cadre-policy -DCHROMIUM=path|"" -DWORK=scratch folder
#   -DTITLE=expected <title> text
#   -DARGS="diff|BASE|VARIANT|…|--format|html|--output|<page>": the command's
#       words joined by `|`; `<page>` stands for the page written in WORK
#   -DMARKER=a string the rendered DOM must hold (`<svg`)
# Without ARGS, the page of `eval` (as the first use of this script had it):
#   -DRULESET=… -DRECORDS=… -DAS_OF=… -DLANG=zh|en, marker: the summary table.
if(NOT CHROMIUM)
  message("SKIPPED: Chromium is not installed (Debian package `chromium`); the page was not rendered")
  return()
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/profile")
set(page "${WORK}/page.html")
if(NOT DEFINED ARGS)
  set(ARGS "eval|${RULESET}|${RECORDS}|--as-of|${AS_OF}|--format|html|--lang|${LANG}|--output|<page>")
  if(NOT DEFINED MARKER)
    set(MARKER "class=\"summary\"")
  endif()
endif()
string(REPLACE "|" ";" words "${ARGS}")
string(REPLACE "<page>" "${page}" words "${words}")
list(GET words 0 command)
execute_process(COMMAND "${CLI}" ${words} RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${command} --format html failed (${status}): ${errors}")
endif()
if(NOT EXISTS "${page}")
  message(FATAL_ERROR "${command} wrote no page at ${page} (give `--output|<page>` in ARGS)")
endif()
# The page may not load anything from outside: no script, no link, no src.
file(READ "${page}" html)
if(html MATCHES "<script|<link|src=|@import|url\\(")
  message(FATAL_ERROR "the page is not self-contained: it loads a script or an asset")
endif()
set(flags --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
          --disable-component-update --disable-sync "--user-data-dir=${WORK}/profile")
execute_process(
  COMMAND "${CHROMIUM}" ${flags} --window-size=1280,1600 "--screenshot=${WORK}/page.png"
          "file://${page}"
  RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE errors TIMEOUT 120)
if(NOT status EQUAL 0 OR NOT EXISTS "${WORK}/page.png")
  message(FATAL_ERROR "chromium took no screenshot (${status}): ${errors}")
endif()
file(SIZE "${WORK}/page.png" bytes)
if(bytes LESS 30000)
  message(FATAL_ERROR "the screenshot is blank or nearly: ${bytes} bytes (${WORK}/page.png)")
endif()
execute_process(
  COMMAND "${CHROMIUM}" ${flags} --dump-dom "file://${page}"
  RESULT_VARIABLE status OUTPUT_VARIABLE dom ERROR_QUIET TIMEOUT 120)
string(FIND "${dom}" "<title>${TITLE}</title>" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the rendered page lacks the title `${TITLE}`")
endif()
if(DEFINED MARKER AND NOT MARKER STREQUAL "")
  string(FIND "${dom}" "${MARKER}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the rendered page lacks `${MARKER}`")
  endif()
endif()
message("rendered: ${WORK}/page.png, ${bytes} bytes, title `${TITLE}`")

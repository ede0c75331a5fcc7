# Renders an `eval --format html` page in headless Chromium and checks that it
# rendered: the page's DOM after layout has the expected title, and the
# screenshot is not blank (a blank 1280×1600 page compresses to a few KB; a
# rendered one to far more). Skipped where Chromium is not installed, with a
# message saying so (`SKIPPED:`, the test's SKIP_REGULAR_EXPRESSION).
#   -DCLI=cadre-policy -DCHROMIUM=path|"" -DRULESET=… -DRECORDS=… -DAS_OF=…
#   -DLANG=zh|en -DTITLE=expected <title> text -DWORK=scratch folder
if(NOT CHROMIUM)
  message("SKIPPED: Chromium is not installed (Debian package `chromium`); the page was not rendered")
  return()
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/profile")
set(page "${WORK}/page.html")
execute_process(
  COMMAND "${CLI}" eval "${RULESET}" "${RECORDS}" --as-of "${AS_OF}" --format html --lang "${LANG}"
          --output "${page}"
  RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "eval --format html failed (${status}): ${errors}")
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
string(FIND "${dom}" "class=\"summary\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the rendered page lacks the summary table")
endif()
message("rendered: ${WORK}/page.png, ${bytes} bytes, title `${TITLE}`")

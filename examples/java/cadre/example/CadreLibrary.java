package cadre.example;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Map;

/**
 * The C API of cadre-policy (include/cadre/cadre.h), as JNA maps it: one method per C
 * function, with the same name. Handles are {@link Pointer}s, out-parameters
 * {@link PointerByReference}s, {@code const char*} results {@link String}s (JNA copies them,
 * decoding UTF-8), {@code size_t} a {@link SizeT}. Most programs use the wrapper {@link
 * CadrePolicy}, which frees the handles and turns statuses into exceptions.
 *
 * <p>The library is found as {@code libcadre-policy.so} on {@code -Djna.library.path=DIR} (or
 * the system's library path).
 */
public interface CadreLibrary extends Library {
  CadreLibrary INSTANCE =
      Native.load(
          "cadre-policy",
          CadreLibrary.class,
          Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

  // cadre_status
  int CADRE_OK = 0;
  int CADRE_INVALID_ARGUMENT = 1;
  int CADRE_LOAD_FAILED = 2;
  int CADRE_RECORDS_FAILED = 3;
  int CADRE_OUT_OF_MEMORY = 4;
  int CADRE_INTERNAL_ERROR = 5;

  // cadre_eval_flag
  int CADRE_EVAL_NO_EXPLAIN = 1;
  int CADRE_EVAL_OUTSIDE_VALIDITY = 2;

  // cadre_format
  int CADRE_FORMAT_AUTO = 0;
  int CADRE_FORMAT_JSON = 1;
  int CADRE_FORMAT_JSON_LINES = 2;
  int CADRE_FORMAT_YAML = 3;
  int CADRE_FORMAT_CSV = 4;

  /** C's {@code size_t}: as wide as the platform's, unsigned. */
  final class SizeT extends IntegerType {
    private static final long serialVersionUID = 1L;

    public SizeT() {
      this(0);
    }

    public SizeT(long value) {
      super(Native.SIZE_T_SIZE, value, true);
    }
  }

  String cadre_status_name(int status);

  String cadre_version();

  int cadre_version_number();

  // Rule sets
  int cadre_ruleset_load(String path, String allowedRoot, PointerByReference out);

  int cadre_ruleset_load_string(
      String yaml, String name, String baseFolder, PointerByReference out);

  void cadre_ruleset_free(Pointer ruleset);

  int cadre_ruleset_status(Pointer ruleset);

  String cadre_ruleset_message(Pointer ruleset);

  String cadre_ruleset_id(Pointer ruleset);

  String cadre_ruleset_version(Pointer ruleset);

  String cadre_ruleset_digest(Pointer ruleset);

  SizeT cadre_ruleset_diagnostic_count(Pointer ruleset);

  String cadre_ruleset_diagnostics_json(Pointer ruleset);

  String cadre_ruleset_diagnostics_text(Pointer ruleset);

  // Engines
  int cadre_engine_new(Pointer ruleset, PointerByReference out);

  void cadre_engine_free(Pointer engine);

  int cadre_engine_status(Pointer engine);

  String cadre_engine_message(Pointer engine);

  int cadre_engine_evaluate_record(
      Pointer engine, String recordJson, String asOf, int flags, PointerByReference out);

  int cadre_engine_evaluate_text(
      Pointer engine,
      String text,
      int format,
      String name,
      String asOf,
      int flags,
      PointerByReference out);

  int cadre_engine_evaluate_file(
      Pointer engine, String path, String asOf, int flags, PointerByReference out);

  int cadre_engine_evaluate_context(
      Pointer engine, String asOf, int flags, PointerByReference out);

  // Results
  void cadre_result_free(Pointer result);

  int cadre_result_status(Pointer result);

  String cadre_result_message(Pointer result);

  SizeT cadre_result_count(Pointer result);

  SizeT cadre_result_not_evaluated(Pointer result);

  String cadre_result_line(Pointer result, SizeT index);

  String cadre_result_jsonl(Pointer result);

  SizeT cadre_result_diagnostic_count(Pointer result);

  String cadre_result_diagnostics_json(Pointer result);

  String cadre_result_diagnostics_text(Pointer result);
}

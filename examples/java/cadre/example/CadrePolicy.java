package cadre.example;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.util.Arrays;
import java.util.List;

/**
 * cadre-policy for Java programs: a rule set, an engine and the decisions they give, over the
 * C API ({@link CadreLibrary}). Rule sets and engines hold native handles: close them
 * (try-with-resources). A failed call throws {@link CadreException} with the C API's status and
 * message.
 *
 * <pre>{@code
 * try (var rules = CadrePolicy.RuleSet.load("rules/hengyang");
 *     var engine = new CadrePolicy.Engine(rules)) {
 *   var decided = engine.decideFile("examples/hengyang/population.yaml", "2019-03-15", 0);
 *   decided.lines().forEach(System.out::println);   // the JSON Lines of `cadre-policy eval`
 * }
 * }</pre>
 *
 * <p>An engine may be shared by many threads, which may decide through it at the same time;
 * close it only when none uses it any more.
 */
public final class CadrePolicy {
  private static final CadreLibrary C = CadreLibrary.INSTANCE;

  private CadrePolicy() {}

  /** The library's version, "MAJOR.MINOR.PATCH". */
  public static String version() {
    return C.cadre_version();
  }

  /** A call of the C API that failed. */
  public static final class CadreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String diagnosticsJson;

    CadreException(int status, String message, String diagnosticsJson) {
      super(C.cadre_status_name(status) + ": " + message);
      this.status = status;
      this.diagnosticsJson = diagnosticsJson;
    }

    /** The cadre_status (CadreLibrary.CADRE_LOAD_FAILED, …). */
    public int status() {
      return status;
    }

    /** The diagnostics as a JSON array (cadre.h), "[]" when there are none. */
    public String diagnosticsJson() {
      return diagnosticsJson;
    }
  }

  /** A loaded, checked and compiled rule set. */
  public static final class RuleSet implements AutoCloseable {
    private Pointer handle;
    private final String id;
    private final String version;
    private final String digest;
    private final String diagnosticsJson;

    private RuleSet(int status, PointerByReference out) {
      handle = out.getValue();
      if (handle == null) throw new CadreException(status, "no rule set handle could be made", "[]");
      diagnosticsJson = C.cadre_ruleset_diagnostics_json(handle);
      if (status != CadreLibrary.CADRE_OK) {
        String message = C.cadre_ruleset_message(handle);
        close();
        throw new CadreException(status, message, diagnosticsJson);
      }
      id = C.cadre_ruleset_id(handle);
      version = C.cadre_ruleset_version(handle);
      digest = C.cadre_ruleset_digest(handle);
    }

    /** The rule set at `path` (its ruleset.yaml, or the folder holding it). */
    public static RuleSet load(String path) {
      PointerByReference out = new PointerByReference();
      return new RuleSet(C.cadre_ruleset_load(path, null, out), out);
    }

    /**
     * The rule set whose root file is the YAML text `yaml`, called `name` in diagnostics; its
     * includes and `extends` resolve in `baseFolder` (null: they are refused).
     */
    public static RuleSet fromText(String yaml, String name, String baseFolder) {
      PointerByReference out = new PointerByReference();
      return new RuleSet(C.cadre_ruleset_load_string(yaml, name, baseFolder, out), out);
    }

    public String id() {
      return id;
    }

    public String version() {
      return version;
    }

    public String digest() {
      return digest;
    }

    /** Its warnings, as a JSON array. */
    public String diagnosticsJson() {
      return diagnosticsJson;
    }

    Pointer handle() {
      return handle;
    }

    @Override
    public synchronized void close() {
      if (handle != null) C.cadre_ruleset_free(handle);
      handle = null;
    }
  }

  /** What one evaluation gave: one JSON line per input record, in input order. */
  public record Decisions(List<String> lines, long notEvaluated, String diagnosticsJson) {
    /** The lines as JSON Lines text. */
    public String jsonl() {
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
  }

  /** Decides records with a rule set; the rule set may be closed once the engine is made. */
  public static final class Engine implements AutoCloseable {
    private Pointer handle;

    public Engine(RuleSet rules) {
      PointerByReference out = new PointerByReference();
      int status = C.cadre_engine_new(rules.handle(), out);
      handle = out.getValue();
      if (status != CadreLibrary.CADRE_OK) {
        String message =
            handle != null ? C.cadre_engine_message(handle) : "no engine handle could be made";
        close();
        throw new CadreException(status, message, "[]");
      }
    }

    /** One record, given as a JSON object, decided on its own. */
    public Decisions decideRecord(String recordJson, String asOf, int flags) {
      PointerByReference out = new PointerByReference();
      return decisions(C.cadre_engine_evaluate_record(handle, recordJson, asOf, flags, out), out);
    }

    /** The records of `text` in `format` (CadreLibrary.CADRE_FORMAT_*), decided together. */
    public Decisions decideText(String text, int format, String name, String asOf, int flags) {
      PointerByReference out = new PointerByReference();
      return decisions(
          C.cadre_engine_evaluate_text(handle, text, format, name, asOf, flags, out), out);
    }

    /** The records of a file (YAML, JSON, JSON Lines or CSV, by its extension). */
    public Decisions decideFile(String path, String asOf, int flags) {
      PointerByReference out = new PointerByReference();
      return decisions(C.cadre_engine_evaluate_file(handle, path, asOf, flags, out), out);
    }

    /** The decisions about no record: the `_context` line, or no line. */
    public Decisions decideContext(String asOf, int flags) {
      PointerByReference out = new PointerByReference();
      return decisions(C.cadre_engine_evaluate_context(handle, asOf, flags, out), out);
    }

    /** Copies the result's lines into Java strings and frees it. */
    private static Decisions decisions(int status, PointerByReference out) {
      Pointer result = out.getValue();
      if (result == null) throw new CadreException(status, "no result handle could be made", "[]");
      try {
        String diagnostics = C.cadre_result_diagnostics_json(result);
        if (status != CadreLibrary.CADRE_OK) {
          throw new CadreException(status, C.cadre_result_message(result), diagnostics);
        }
        String text = C.cadre_result_jsonl(result);
        if (text == null) throw new CadreException(CadreLibrary.CADRE_OUT_OF_MEMORY, "", "[]");
        // Lines end with "\n" only; JSON text escapes every other control character.
        List<String> lines = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
        return new Decisions(
            lines, C.cadre_result_not_evaluated(result).longValue(), diagnostics);
      } finally {
        C.cadre_result_free(result);
      }
    }

    @Override
    public synchronized void close() {
      if (handle != null) C.cadre_engine_free(handle);
      handle = null;
    }
  }
}

package cadre.example;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides a file of records with a rule set through the C API and prints a short summary, as
 * examples/python/decide.py does:
 *
 * <pre>
 * java -Djna.library.path=build/dev/src -cp classes:/usr/share/java/jna.jar \
 *     cadre.example.Decide rules/hengyang examples/hengyang/population.yaml --as-of 2019-03-15
 * </pre>
 *
 * <p>A real program reads the lines with its JSON library (Jackson, Gson, Jakarta JSON); this
 * one stays dependency-free and picks out each decision's kind, outcome and value with a
 * regular expression, which the fixed key order of the output (docs/decisions.md) allows.
 */
public final class Decide {
  /** A decision in a line: `"id":{"kind":"pay","outcome":"computed","value":"3600.00"`. */
  private static final Pattern DECISION =
      Pattern.compile(
          "\"([^\"]+)\":\\{\"kind\":\"([a-z]+)\",\"outcome\":\"([a-z_]+)\",\"value\":(\"[^\"]*\"|[^,{}\\[]*)");

  private static final Pattern RECORD = Pattern.compile("^\\{\"record\":\"([^\"]*)\"");

  /** The decision the summary ends with: a secretary's performance pay. */
  private static final String SAMPLE_RECORD = "QH-SQ-01";

  private static final String SAMPLE_DECISION = "hy.performance_pay";

  private Decide() {}

  public static void main(String[] args) {
    if (args.length != 4 || !args[2].equals("--as-of")) {
      System.err.println("usage: Decide RULESET RECORDS --as-of YYYY-MM-DD");
      System.exit(2);
    }
    String asOf = args[3];
    try (CadrePolicy.RuleSet rules = CadrePolicy.RuleSet.load(args[0]);
        CadrePolicy.Engine engine = new CadrePolicy.Engine(rules)) {
      CadrePolicy.Decisions decided = engine.decideFile(args[1], asOf, 0);
      for (String line : summary(rules, decided, asOf)) System.out.println(line);
    } catch (CadrePolicy.CadreException error) {
      System.err.println("Decide: " + error.getMessage());
      System.exit(2);
    }
  }

  static List<String> summary(CadrePolicy.RuleSet rules, CadrePolicy.Decisions decided, String asOf) {
    List<String> out = new ArrayList<>();
    out.add(
        "rule set " + rules.id() + " " + rules.version() + " (digest "
            + rules.digest().substring(0, 12) + "…)");
    int count = decided.lines().size();
    out.add(
        count + " records as of " + asOf + ": " + (count - decided.notEvaluated()) + " decided, "
            + decided.notEvaluated() + " not evaluated");
    Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
    BigDecimal pay = BigDecimal.ZERO;
    String sample = null;
    for (String line : decided.lines()) {
      Matcher record = RECORD.matcher(line);
      String id = record.find() ? record.group(1) : "";
      Matcher decision = DECISION.matcher(line);
      while (decision.find()) {
        String kind = decision.group(2);
        String outcome = decision.group(3);
        String value = decision.group(4);
        outcomes.computeIfAbsent(kind, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        if (kind.equals("pay") && outcome.equals("computed")) {
          pay = pay.add(new BigDecimal(value.replace("\"", ""))); // exact: decimals come as text
        }
        if (id.equals(SAMPLE_RECORD) && decision.group(1).equals(SAMPLE_DECISION)) {
          sample = outcome + " " + value.replace("\"", "");
        }
      }
    }
    outcomes.forEach(
        (kind, counts) -> {
          List<String> parts = new ArrayList<>();
          counts.entrySet().stream()
              .sorted((a, b) -> b.getValue() - a.getValue())
              .forEach(entry -> parts.add(entry.getKey() + " " + entry.getValue()));
          out.add("  " + kind + ": " + String.join(", ", parts));
        });
    out.add("pay computed: " + pay.toPlainString() + " yuan in total");
    if (sample != null) out.add(SAMPLE_RECORD + " " + SAMPLE_DECISION + ": " + sample);
    return out;
  }
}

// The core's reading rules, applied in the page exactly as cip_core.readers applies them, so what
// the form shows and which questions it asks match what the answer used. No DOM here: the
// asked_if tests run this module under Node from the table both sides share
// (tests/data/asked_if_cases.json).

/**
 * rules: {whitespace, booleans: {yes: [words], no: [words]}, maxText} from the page's data
 * block (the core's WHITESPACE, TRUE_WORDS/FALSE_WORDS and MAX_TEXT).
 */
export function reading(rules = {}) {
  // The core's one whitespace rule (cip_core.readers.WHITESPACE), not trim(): both ends strip the
  // same characters.
  const spaces = [...String(rules.whitespace || " ")]
    .map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))
    .join("");
  const edges = new RegExp(`^[${spaces}]+|[${spaces}]+$`, "g");
  const strip = (value) => String(value).replace(edges, "");
  const maxText = Number.isFinite(rules.maxText) ? rules.maxText : Infinity;
  const words = {};
  for (const answer of ["yes", "no"]) {
    for (const word of rules.booleans?.[answer] || []) words[word] = answer;
  }

  /** Repeated values of one field: one answer when they agree, else the list (a conflict). */
  function collapse(values) {
    const kept = values.filter((v) => strip(v) !== "");
    if (!kept.length) return undefined;
    return new Set(kept.map(strip)).size === 1 ? kept[0] : kept;
  }

  /**
   * The answer as the core reads it, or null when it reads none: question is {kind, choices}
   * (kind "yes_no", "choice" or any other for typed text); raw is a string or a list.
   */
  function read(question, raw) {
    const value = Array.isArray(raw) ? collapse(raw) : raw;
    // Longer than the core reads: refused (counted in characters, as Python counts them).
    if (typeof value !== "string" || [...value].length > maxText) return null;
    const text = strip(value);
    if (question?.kind === "yes_no") return words[text.toLowerCase()] ?? null;
    if (question?.kind === "choice") {
      const word = text.toLowerCase();
      return word !== "" && (question.choices || []).includes(word) ? word : null;
    }
    return text === "" ? null : text;
  }

  /**
   * Whether an asked_if condition ({field: [values]}) holds: every field it names has one of
   * the listed values, as read(); an unanswered, unreadable or conflicting one matches nothing.
   * answerOf(field) gives that reading.
   */
  function conditionHolds(condition, answerOf) {
    return Object.entries(condition || {}).every(([field, values]) => {
      const value = answerOf(field);
      return value !== null && Array.isArray(values) && values.includes(value);
    });
  }

  return { strip, collapse, read, conditionHolds };
}

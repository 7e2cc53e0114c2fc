// Material's search worker, adapted to the guide. The cip-search plugin writes this file into the
// site with the name of Material's own worker (next to it) and the site's languages as data: each
// one's folder and, from its catalogue's [search], its lunr stemmer and whether it writes
// compounds. Each page loads it as cip-search.js?lang=<its language>.
// - Only the pages of the reader's language, with that language's stemmer.
// - Accents ignored on both sides: the pages' words and the query are folded ("indemnité" and
//   "indemnite" find the same pages). Material appends a wildcard to every typed word, and lunr
//   sends a wildcard term past the pipeline (no folding, no stemming): such a term goes through
//   the pipeline here, then gets its wildcard back.
// - Codes with digits kept whole ("DV5": the trimmer would cut the digit).
// - In a language that writes compounds, a long word is also indexed by its last part when that
//   part is a word of the pages ("vergoeding" finds "stagevergoeding").
const LANGUAGES = __CIP_LANGUAGES__;
const DEFAULT = Object.keys(LANGUAGES).find((code) => LANGUAGES[code].prefix === "");
const asked = new URL(self.location.href).searchParams.get("lang");
const LANG = Object.hasOwn(LANGUAGES, asked) ? asked : DEFAULT;
const SETTINGS = LANGUAGES[LANG];
const SETUP = 0; // Material's message types: SETUP, READY, QUERY, RESULT
const QUERY = 2;

// A page is in the language whose folder is the longest start of its address ("" = default).
function languageOf(location) {
  let found = DEFAULT;
  for (const [code, { prefix }] of Object.entries(LANGUAGES)) {
    if (prefix && location.startsWith(prefix) && prefix.length > LANGUAGES[found].prefix.length) {
      found = code;
    }
  }
  return found;
}

const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const WORD = /[\p{L}\p{N}]+/gu;
let vocabulary = new Set(); // folded words of this language's pages
let searchPipeline = null; // the index's query pipeline, once Material has built the index

function parts(word) {
  // The longest ending (at least 5 letters, after at least 3) that is a word of the pages.
  if (!SETTINGS.compounds || word.length < 8) return [];
  for (let i = 3; i <= word.length - 5; i++) {
    const tail = word.slice(i);
    if (vocabulary.has(tail)) return [tail];
  }
  return [];
}

function adapt(message) {
  if (!message) return;
  if (message.type === QUERY && typeof message.data === "string") {
    message.data = fold(message.data);
    return;
  }
  if (message.type !== SETUP || !message.data) return;
  const index = message.data;
  index.docs = (index.docs || []).filter((doc) => languageOf(String(doc.location || "")) === LANG);
  index.config = { ...index.config, lang: [SETTINGS.stemmer] };
  vocabulary = new Set();
  for (const doc of index.docs) {
    for (const word of fold(`${doc.title || ""} ${doc.text || ""}`).match(WORD) || []) {
      if (word.length >= 5) vocabulary.add(word);
    }
  }
}

const listen = self.addEventListener.bind(self);
self.addEventListener = (type, handler, options) =>
  listen(type, type === "message" ? (event) => (adapt(event.data), handler(event)) : handler, options);

importScripts("__MATERIAL_WORKER__");

const { lunr } = self;

// Every token goes through a pipeline, at indexing and at query time: fold it first, keep codes
// with digits as they are, and add a compound's last part.
const run = lunr.Pipeline.prototype.run;
lunr.Pipeline.prototype.run = function (tokens) {
  const out = [];
  for (const token of tokens) {
    token.update((text) => fold(text));
    const text = token.toString();
    const code = text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (/\d/.test(code) && /\p{L}/u.test(code)) {
      out.push(token.clone(() => code));
      continue;
    }
    out.push(...run.call(this, [token]));
    for (const part of parts(text)) out.push(...run.call(this, [token.clone(() => part)]));
  }
  return out;
};

const build = lunr.Builder.prototype.build;
lunr.Builder.prototype.build = function () {
  searchPipeline = this.searchPipeline;
  return build.call(this);
};

// "indemnite*": the word before the wildcard is folded and stemmed like the pages' words.
const clause = lunr.Query.prototype.clause;
lunr.Query.prototype.clause = function (options) {
  if (searchPipeline && options.usePipeline === false && /^[^*]+\*$/.test(options.term || "")) {
    const [stem] = searchPipeline.runString(options.term.slice(0, -1));
    if (stem) options.term = `${stem}*`;
  }
  return clause.call(this, options);
};

// Material's search worker, adapted to the sheet (written into the site by the cip-search plugin;
// __MATERIAL_WORKER__ is the name of Material's own worker, next to this file):
// - only the pages of the reader's language (?lang=fr|nl), with that language's stemmer;
// - accents ignored on both sides ("indemnite" finds "indemnité");
// - codes with digits kept whole ("DV5": the trimmer would cut the digit);
// - Dutch compounds also indexed by their last part when that part is a word of the pages
//   ("vergoeding" finds "stagevergoeding").
const LANG = new URL(self.location.href).searchParams.get("lang") === "nl" ? "nl" : "fr";
const inLanguage = (location) => (LANG === "nl") === /^nl(\/|$|#)/.test(location);
const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const WORD = /[\p{L}\p{N}]+/gu;
let vocabulary = new Set(); // folded words of this language's pages

function parts(word) {
  // The longest ending (at least 5 letters, after at least 3) that is a word of the pages.
  if (LANG !== "nl" || word.length < 8) return [];
  for (let i = 3; i <= word.length - 5; i++) {
    const tail = word.slice(i);
    if (vocabulary.has(tail)) return [tail];
  }
  return [];
}

function adapt(message) {
  if (!message || message.type !== 0 || !message.data) return; // 0: Material's SETUP
  const index = message.data;
  index.docs = (index.docs || []).filter((doc) => inLanguage(String(doc.location || "")));
  index.config = { ...index.config, lang: [LANG] };
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

// Every token goes through a pipeline, at indexing and at query time: fold it first, keep codes
// with digits as they are, and add a compound's last part.
const run = self.lunr.Pipeline.prototype.run;
self.lunr.Pipeline.prototype.run = function (tokens) {
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

// Every sentence the calculator's script writes, per page language. The questions, hints and
// help links live in the page itself (docs/fr|nl/calculateur.md); the result's own sentences
// come from the rules core in the requested language.
export const TEXTS = {
  fr: {
    stages: {
      start: "Démarrage du vérificateur…",
      runtime: "Chargement du vérificateur dans votre navigateur (plus long la première fois)…",
      core: "Chargement des règles de la CIP…",
      ready: "Le vérificateur est prêt. Rien de ce que vous saisissez ne quitte votre appareil.",
    },
    waiting: "Répondez aux questions\u00a0: la réponse s'affiche ici au fur et à mesure.",
    working: "Calcul en cours…",
    verdictTitle: {
      eligible: "Oui, une CIP est possible",
      not_eligible: "Non, pas sous forme de CIP",
      refer: "Cette fiche ne s'applique pas",
      incomplete: "Réponse incomplète",
    },
    reasons: "Pourquoi",
    body: "Organisme compétent",
    bodyContact: "Contact\u00a0:",
    bodyPage: "Page de l'organisme",
    allowance: "Indemnité minimale",
    minimumPerMonth: "Minimum par mois\u00a0:",
    noMinimum: "Le minimum ne peut pas être calculé pour ce cas\u00a0: demandez-le à l'organisme compétent.",
    rmmgLine: (rmmg, since) => `RMMG (revenu minimum mensuel moyen garanti) en vigueur depuis le ${since}\u00a0: ${rmmg}.`,
    computed: "Calcul\u00a0:",
    half: "½",
    agePart: (percent) => `${percent} (barème selon l'âge)`,
    timePart: (percent) => `${percent} (part d'un temps plein)`,
    checkedUntil: (day) => `Montant vérifié jusqu'au ${day}.`,
    offered: "Indemnité proposée\u00a0:",
    meets: "elle atteint le minimum.",
    below: "elle est inférieure au minimum.",
    rmmgSource: "Source du RMMG\u00a0:",
    steps: "Vos prochaines étapes",
    warnings: "À vérifier",
    missing: "Pour une réponse complète, répondez aussi à\u00a0:",
    errorsTitle: "Certaines réponses sont à corriger",
    source: "Source\u00a0:",
    answers: "Vos réponses",
    noAnswer: "—",
    permalink: "Adresse de cette réponse\u00a0:",
    copyDone: "Lien copié. Vous pouvez le coller dans un message.",
    copyFailed: "La copie n'a pas fonctionné\u00a0: copiez l'adresse affichée dans la barre du navigateur.",
    failure: "Le vérificateur n'a pas pu démarrer dans ce navigateur.",
    seeAnswer: "Voir la réponse",
  },
  nl: {
    stages: {
      start: "De controle wordt gestart…",
      runtime: "De controle wordt in uw browser geladen (de eerste keer duurt het langer)…",
      core: "De regels van de BIO worden geladen…",
      ready: "De controle is klaar. Wat u invult, verlaat uw toestel niet.",
    },
    waiting: "Beantwoord de vragen: het antwoord verschijnt hier terwijl u invult.",
    working: "Bezig met berekenen…",
    verdictTitle: {
      eligible: "Ja, een BIO is mogelijk",
      not_eligible: "Nee, niet als BIO",
      refer: "Deze fiche is niet van toepassing",
      incomplete: "Onvolledig antwoord",
    },
    reasons: "Waarom",
    body: "Bevoegde dienst",
    bodyContact: "Contact:",
    bodyPage: "Pagina van de dienst",
    allowance: "Minimale stagevergoeding",
    minimumPerMonth: "Minimum per maand:",
    noMinimum: "Het minimum kan voor dit geval niet berekend worden: vraag het aan de bevoegde dienst.",
    rmmgLine: (rmmg, since) => `GGMMI (gewaarborgd gemiddeld minimum maandinkomen) sinds ${since}: ${rmmg}.`,
    computed: "Berekening:",
    half: "½",
    agePart: (percent) => `${percent} (barema volgens leeftijd)`,
    timePart: (percent) => `${percent} (deel van een voltijdse week)`,
    checkedUntil: (day) => `Bedrag nagekeken tot ${day}.`,
    offered: "Voorgestelde vergoeding:",
    meets: "die haalt het minimum.",
    below: "die ligt onder het minimum.",
    rmmgSource: "Bron van het GGMMI:",
    steps: "Uw volgende stappen",
    warnings: "Na te kijken",
    missing: "Voor een volledig antwoord, beantwoord ook:",
    errorsTitle: "Sommige antwoorden moeten verbeterd worden",
    source: "Bron:",
    answers: "Uw antwoorden",
    noAnswer: "—",
    permalink: "Adres van dit antwoord:",
    copyDone: "Link gekopieerd. U kunt hem in een bericht plakken.",
    copyFailed: "Kopiëren is niet gelukt: kopieer het adres in de adresbalk van de browser.",
    failure: "De controle kon in deze browser niet starten.",
    seeAnswer: "Naar het antwoord",
  },
};

export function textsFor(lang) {
  return TEXTS[lang === "nl" ? "nl" : "fr"];
}

// --- Delivery (issue 12): the new-deploy notice and the framed page --------------------------
// Kept apart from TEXTS on purpose: these move to the catalogues' [ui] section at merge.
export const DELIVERY_TEXTS = {
  fr: {
    newRules: "De nouvelles règles sont disponibles",
    reload: "recharger",
    framed: "Pour vérifier un stage, ouvrez le vérificateur dans son propre onglet\u00a0:",
    openChecker: "ouvrir le vérificateur",
  },
  nl: {
    newRules: "Er zijn nieuwe regels beschikbaar",
    reload: "herladen",
    framed: "Open de controle in een eigen tabblad om een stage te controleren:",
    openChecker: "de controle openen",
  },
};

export function deliveryTextsFor(lang) {
  return DELIVERY_TEXTS[lang === "nl" ? "nl" : "fr"];
}

// The buttons under the answer: share the answer's address (it holds the case) through the
// phone's share sheet, or copy it where there is none; print it; start again (clears the
// answers, and so the address).
import { byId, t } from "./page_data.js";

/** reset(): clears the reader's answers (the address follows the state). */
export function setupActions({ reset }) {
  const status = byId("copyStatus");
  const say = (text) => {
    status.textContent = text;
  };
  async function copy() {
    try {
      await navigator.clipboard.writeText(location.href);
      say(t.copyDone);
    } catch {
      say(t.copyFailed);
    }
  }
  byId("copy")?.addEventListener("click", copy);
  const share = byId("share");
  // The share sheet where the browser has one (phones); the copy button stays for the others.
  if (share && typeof navigator.share === "function") {
    share.hidden = false;
    share.addEventListener("click", async () => {
      try {
        await navigator.share({ title: document.title, url: location.href });
      } catch (error) {
        if (error?.name !== "AbortError") await copy(); // closing the sheet is no failure
      }
    });
  }
  byId("print")?.addEventListener("click", () => window.print());
  byId("reset")?.addEventListener("click", () => {
    reset();
    say(t.resetDone);
  });
}

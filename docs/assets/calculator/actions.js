// The buttons under the answer: copy the answer's address (it holds the case), print it.
import { byId, t } from "./page_data.js";

export function setupActions() {
  const copyStatus = byId("copyStatus");
  byId("copy")?.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copyStatus.textContent = t.copyDone;
    } catch {
      copyStatus.textContent = t.copyFailed;
    }
  });
  byId("print")?.addEventListener("click", () => window.print());
}

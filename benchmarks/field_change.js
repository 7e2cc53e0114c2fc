// Flips "employment contract" to yes (eligible -> not eligible) and resolves with the time
// until #cip-result's data-verdict changes; then puts the answer back.
async () => {
  const result = document.getElementById("cip-result");
  const before = result.dataset.verdict;
  const pick = (value) =>
    document.querySelector(`#cip-checker [name="employment_contract"][value="${value}"]`);
  const set = (value) => {
    const radio = pick(value);
    if (radio) {
      radio.checked = true;
      radio.dispatchEvent(new Event("input", { bubbles: true }));
      radio.dispatchEvent(new Event("change", { bubbles: true }));
      return;
    }
    const select = document.querySelector('#cip-checker [name="employment_contract"]');
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const changed = new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (result.dataset.verdict !== before) {
        observer.disconnect();
        resolve(performance.now());
      }
    }).observe(result, { attributes: true });
  });
  const start = performance.now();
  set("yes");
  const end = await changed;
  set("no");
  await new Promise((resolve) => setTimeout(resolve, 400));
  return end - start;
}

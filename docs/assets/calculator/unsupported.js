// Runs only in browsers without JavaScript modules (the calculator needs them): show the help.
(function () {
  try {
    var ids = JSON.parse(document.getElementById("cip-texts").textContent).ids;
    document.getElementById(ids.failure).hidden = false;
  } catch (error) {
    /* not the calculator page */
  }
})();

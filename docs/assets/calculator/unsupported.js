// Runs only in browsers without JavaScript modules (the calculator needs them): show the help.
(function () {
  var failure = document.getElementById("cip-failure");
  if (failure) failure.hidden = false;
})();

/* The poster's 打印 button: shown only when this script runs; without it the page
   says to use the browser's own Print command. */
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-print-hint]").forEach(function (hint) {
        hint.hidden = true;
    });
});

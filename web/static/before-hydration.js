// Runs before the page's own code, for three things that cannot wait for it:
//
// 1. The `js` class on <html>: styles that only make sense with JavaScript (the phone menu folded
//    behind its button) apply from the first paint, without a jump when the page becomes interactive.
//
// 2. What is typed into a form before the page has become interactive must survive hydration: Svelte
// writes each field's `value={…}` (and `checked`, `selected`) once more when it takes over the server's
// HTML, which would wipe the first letters a user on a slow phone typed (sveltejs/svelte#1755). This
// remembers every field the user changes, and hands the root
// layout `restoreTypedFields`, which puts those changes back after hydration and tells the page about
// them with `input` and `change` events.
//
// 3. The phone menu's button opens and closes the menu from the first paint, even when the page's
//    own code is slow or never arrives; the root layout only closes it after a navigation.
//
// Plain ES5 on purpose: it runs before any bundle.
document.documentElement.classList.add('js');

(function () {
  var changed = [];
  function remember(event) {
    var field = event.target;
    if (!field || !('form' in field) || !('value' in field)) return;
    if (field.type === 'file' || field.type === 'password' || field.type === 'hidden') return;
    var known = changed.filter(function (entry) {
      return entry.field === field;
    })[0];
    var state = { field: field, value: field.value, checked: field.checked };
    if (known) changed[changed.indexOf(known)] = state;
    else changed.push(state);
    if (field.type === 'radio' && field.checked) {
      // The other radios of the group lost their check: only the chosen one is remembered.
      changed = changed.filter(function (entry) {
        return entry.field === field || entry.field.type !== 'radio' || entry.field.name !== field.name;
      });
    }
  }
  document.addEventListener('input', remember, true);
  document.addEventListener('change', remember, true);
  window.restoreTypedFields = function () {
    document.removeEventListener('input', remember, true);
    document.removeEventListener('change', remember, true);
    window.restoreTypedFields = function () {};
    changed.forEach(function (entry) {
      var field = entry.field;
      if (!field.isConnected) return;
      var checkable = field.type === 'checkbox' || field.type === 'radio';
      if (checkable ? field.checked === entry.checked : field.value === entry.value) return;
      if (checkable) field.checked = entry.checked;
      else field.value = entry.value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    changed = [];
  };
})();

document.addEventListener('click', function (event) {
  var button = event.target && event.target.closest ? event.target.closest('.menu-button') : null;
  if (!button) return;
  var menu = document.getElementById(button.getAttribute('aria-controls'));
  if (!menu) return;
  var open = menu.classList.toggle('open');
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
});

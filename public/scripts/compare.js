// The compare page's form: takes the two units chosen straight to the first one's compare page, at
// the row of the second (/so-sanh/<first>/#so-voi-<second code>). Without JavaScript the form
// stays hidden and the list of links below it leads to the same pages. No requests, no dependencies.

/** The address the form leads to, or null when the two choices are one unit. */
export function compareTarget(first, second) {
  if (!first || !second || first.value === second.value) return null;
  return `${first.value}#${second.dataset.anchor}`;
}

function start() {
  const form = document.getElementById('compare-form');
  const first = document.getElementById('compare-a');
  const second = document.getElementById('compare-b');
  const status = document.getElementById('compare-status');
  if (!form || !first || !second || !status) return;
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = compareTarget(first.selectedOptions[0], second.selectedOptions[0]);
    if (target) window.location.assign(target);
    else status.textContent = status.dataset.same ?? '';
  });
}

if (typeof document !== 'undefined') start();

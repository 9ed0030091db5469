// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
  if (!target) return;
  const action = target.getAttribute('data-action');
  if (action === 'print') {
    event.preventDefault();
    window.print();
  } else if (action === 'close') {
    // A window this site opened can close itself; otherwise follow the link (back to the list).
    if (window.opener && !window.opener.closed) {
      event.preventDefault();
      window.close();
    }
  } else if (action === 'confirm') {
    const message = target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
  }
});

// Print buttons need this script, so they stay hidden without it (the page says how to print instead).
for (const button of document.querySelectorAll('button[data-action="print"][hidden]')) button.hidden = false;

// The dashboard works without this script; it only asks before irreversible actions (forms with
// data-confirm) and keeps a form from being sent twice by a double click.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
  if (form.dataset.sending === 'yes') {
    event.preventDefault();
    return;
  }
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
    return;
  }
  form.dataset.sending = 'yes';
});

(() => {
  // The picture field (src/editor/http/pages/image-field.ts): choose or drop a file, which the
  // studio saves into the issue's images/ folder (POST /api/edit/picture); its name then goes into
  // the file-name field as a typed edit would, so the preview updates and Save writes it.
  const issue = () => (/(?:^|\/)issues\/([^/]+)\/issue\.yaml$/.exec(document.body.dataset.file || '') || [])[1];
  const token = () => document.querySelector('meta[name="studio-token"]').content;
  const byId = (id) => document.getElementById(id);
  const thumbFor = (id) => byId(id + '-thumb');
  const show = (id, src) => {
    const img = thumbFor(id);
    if (!img) return;
    img.hidden = !src;
    if (src) img.src = src;
    const remove = document.querySelector('[data-picture-remove="' + id.replace(/["\\]/g, '\\$&') + '"]');
    if (remove) remove.hidden = !src;
  };
  const say = (id, text) => {
    const status = byId(id + '-status');
    if (status) status.textContent = text;
  };
  const edit = (el, value) => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const upload = async (id, file) => {
    if (!file) return;
    say(id, 'Saving ' + file.name + ' in the issue\u2019s images/ folder\u2026');
    const url = '/api/edit/picture?issue=' + encodeURIComponent(issue() || '') + '&name=' + encodeURIComponent(file.name);
    let r;
    try {
      const response = await fetch(url, {
        method: 'POST',
        cache: 'no-store',
        headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-Studio-Token': token() },
        body: file,
      });
      r = await response.json().catch(() => ({ error: 'The studio gave no answer it could read.' }));
    } catch {
      r = { error: 'The studio did not answer: is it still running?' };
    }
    if (r.error) {
      say(id, r.error);
      return;
    }
    edit(byId(id), r.src);
    show(id, r.thumbnail);
    say(id, r.src + ' is in the issue\u2019s images/ folder. Write its alt text, then Save.');
  };
  document.addEventListener('change', (e) => {
    const id = e.target.dataset && e.target.dataset.pictureInput;
    if (id) upload(id, e.target.files && e.target.files[0]);
  });
  document.addEventListener('dragover', (e) => {
    if (e.target.closest && e.target.closest('.picture-tools')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    const tools = e.target.closest && e.target.closest('.picture-tools');
    if (!tools) return;
    e.preventDefault();
    upload(tools.dataset.pictureFor, e.dataTransfer.files[0]);
  });
  document.addEventListener('click', (e) => {
    const id = e.target.dataset && e.target.dataset.pictureRemove;
    if (!id) return;
    // The whole `image:` is taken out (its fields emptied on the form): unsaved until Save.
    const wrap = byId(id).closest('fieldset');
    for (const el of wrap.querySelectorAll('[data-path]')) {
      if (el.type === 'checkbox') el.checked = false;
      else if (el.type !== 'hidden' && el.type !== 'file') el.value = '';
    }
    const block = wrap.querySelector('[data-picture-block="' + id.replace(/["\\]/g, '\\$&') + '"]');
    if (block) edit(block, '');
    show(id, '');
    say(id, 'The picture is taken out of the issue when you save.');
  });
  // Thumbnails of the pictures the issue already has, once the form is there.
  const thumbnails = () => {
    for (const img of document.querySelectorAll('img.picture-thumb[data-picture-name]')) {
      const name = img.dataset.pictureName;
      if (name && issue() && !img.getAttribute('src'))
        img.src = '/issues/' + encodeURIComponent(issue()) + '/edit/picture/' + encodeURIComponent(name);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', thumbnails);
  else thumbnails();
})();

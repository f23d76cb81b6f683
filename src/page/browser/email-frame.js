// A new render of the email put into the frame that shows it, in place: the page already has the
// HTML (in the editor's preview answer, in a live-reload swap), so the frame needs no request of
// its own and no new document. The frame's document stays the one our email address served, so
// its own policy (EMAIL_POLICY: inline styles, no scripts) and its sandbox still govern what the
// new markup may do; the page's strict policy is never stretched to cover the email. A frame still
// on about:blank or still loading is left to load the address instead (returns false).
window.EmailFrame = (() => {
  const EMAIL_PATH = /^\/issues\/[^/]+\/(email|edit\/draft\/[^/]+)$/;
  /** The frame's document, when it is a loaded email served by us. */
  const emailDocument = (frame) => {
    try {
      const doc = frame.contentDocument;
      const at = frame.contentWindow && frame.contentWindow.location;
      if (!doc || !at || at.origin !== location.origin || !EMAIL_PATH.test(at.pathname)) return null;
      return doc.readyState === 'complete' && doc.documentElement ? doc : null;
    } catch {
      return null;
    }
  };
  const fit = (frame) => {
    const doc = frame.contentDocument;
    if (doc && doc.documentElement) frame.style.height = doc.documentElement.scrollHeight + 'px';
  };
  /** Show `html` in `frame` without loading anything; false when the frame must load an address instead. */
  const put = (frame, html) => {
    const doc = emailDocument(frame);
    if (!doc || typeof html !== 'string') return false;
    // Parsed apart by the frame's own parser (nothing runs or loads there), so that its policy,
    // not the page's, judges the inline styles; then adopted whole: the frame's document, its
    // policy and its listeners stay. (The page's parser would drop every style attribute.)
    const next = new frame.contentWindow.DOMParser().parseFromString(html, 'text/html');
    doc.replaceChild(doc.adoptNode(next.documentElement), doc.documentElement);
    fit(frame);
    return true;
  };
  return { put, fit };
})();

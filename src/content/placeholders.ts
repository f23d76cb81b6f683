// The text `newsletter new` leaves where a person must write. Here, below check and workflow, so the
// merge-tag check that refuses it and the command that writes it share one string.

/** A placeholder check refuses (it is a Handlebars leftover), so an unwritten welcome is never sent. */
export const NEW_WELCOME = '{{ write the welcome for this issue }}\n';

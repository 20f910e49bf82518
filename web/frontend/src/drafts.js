// Drafts typed as a visitor follow the visitor into their account: the challenge page keeps
// a visitor's code under cvjudge:draft:anon:<challenge>, a signed-in user's under
// cvjudge:draft:<user id>:<challenge>. On the first signed-in visit the visitor's draft moves
// over. It wins over an older account draft, because it was typed later (a signed-in page
// never writes the visitor's key); that older one stays under <key>:before-login.

/** Move the draft under `visitorKey` to `accountKey`; true when one was carried. */
export function carryVisitorDraft(visitorKey, accountKey) {
  if (!visitorKey || !accountKey || visitorKey === accountKey) return false;
  try {
    const store = window.localStorage;
    const draft = store.getItem(visitorKey);
    if (draft === null) return false;
    const older = store.getItem(accountKey);
    if (older !== null && older !== draft) store.setItem(`${accountKey}:before-login`, older);
    store.setItem(accountKey, draft);
    store.removeItem(visitorKey);
    return true;
  } catch (err) {
    return false; // storage disabled: nothing was kept to carry
  }
}

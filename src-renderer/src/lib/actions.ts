// How a view reports its user actions (save, delete, export, re-execute…): the view's message
// line is cleared as an action starts and shows the error if the action throws. The action may
// set the message itself (a compile error, say); a success leaves that message standing.

import { messageOf } from './files.ts';

export type ShowMessage = (message: string | null) => void;

/** Runs `work`, clearing the message first and showing the error's message if it throws. */
export async function reportAction(show: ShowMessage, work: () => Promise<unknown>): Promise<void> {
  show(null);
  try {
    await work();
  } catch (e) {
    show(messageOf(e));
  }
}

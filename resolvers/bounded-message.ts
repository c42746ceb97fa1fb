// An error message never echoes a large input back: a 9 MB argument inside a validation message is cut
// to its first characters, with a note saying how much was left out.
export const MAX_ERROR_MESSAGE_CHARS = 1_000;

export function boundedMessage(message: string, max = MAX_ERROR_MESSAGE_CHARS): string {
  if (message.length <= max) return message;
  return `${message.slice(0, max)}… (${(message.length - max).toLocaleString("en-US")} more characters left out)`;
}

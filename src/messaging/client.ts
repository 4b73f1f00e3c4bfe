import { extensionApi } from './extension-api';
import type { MessageType, Reply, Request, Response } from '../model/protocol';

export class MessageError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Sends one typed message to the background and unwraps its reply. */
export async function send<K extends MessageType>(type: K, data: Request<K>): Promise<Response<K>> {
  const reply = (await extensionApi().runtime.sendMessage({ type, data })) as Reply<K> | undefined;
  if (!reply) throw new MessageError('No answer from the background');
  if (!reply.ok) throw new MessageError(reply.error, reply.code);
  return reply.value;
}

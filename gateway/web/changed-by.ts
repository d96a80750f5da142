import { Type, type Static } from '@sinclair/typebox';

// Who made a change, as a profile's history records it. Until the dashboard brings authentication (its own
// issue), the API takes the caller's word for it: the body's `changedBy`, else the X-Gateway-User header
// (which a proxy in front of the gateway can set), else 'api'.

const Who = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

export const ChangedBySchema = Type.Optional(Who("Who makes the change, for the profile's history; else the X-Gateway-User header, else 'api'."));

export const ChangeHeadersSchema = Type.Object({
  'x-gateway-user': Type.Optional(Who("Who makes the change, when the body's changedBy does not say.")),
});

export function changedBy(body: { readonly changedBy?: string | undefined }, headers: Static<typeof ChangeHeadersSchema>): string {
  return body.changedBy ?? headers['x-gateway-user'] ?? 'api';
}

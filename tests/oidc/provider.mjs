// A real OpenID provider (the npm package oidc-provider) on loopback, for the console's
// sign-in test: authorization code with PKCE, one confidential client, and accounts whose
// ID tokens carry the service's role, region and bin claims. Its development interactions
// (a login form taking any password, then a consent form) stand in for the ministry's
// login pages.
//
//   node provider.mjs <port> <redirect_uri>
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

// The login name typed into the provider's form picks the account.
const accounts = {
  'akimat-kz23': { role: 'akimat', region: 'KZ-23', name: 'Айгүл Сәрсенбаева' },
  'employer-a': { role: 'employer', bin: '210340000013' },
  'analyst': { role: 'ministry', name: 'Дмитрий Ковалёв' },
  'akimat-nowhere': { role: 'akimat', region: 'KZ-98' },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'permits-console',
    client_secret: 'permits-console-test-secret',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  scopes: ['openid', 'profile', 'permits'],
  claims: { openid: ['sub'], profile: ['name'], permits: ['role', 'region', 'bin'] },
  // The claims go into the ID token itself, which is what the console reads.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...account }; } };
  },
});

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});

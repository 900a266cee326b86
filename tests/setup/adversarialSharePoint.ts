/**
 * The `security-adversarial` jest project: the rights suite against the local server with every variant
 * of undocumented SharePoint behaviour switched on (devServer/variants.ts), each the reading that gives an
 * attacker more than the default. tests/security/tenant.ts passes it to the server.
 */
process.env.SP_VARIANTS = 'all';

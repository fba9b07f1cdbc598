package dev.jnsc.resolver;

/** What {@code GET /jwt/v1/help} answers: the routes of this account server. */
final class ApiHelp {
    private ApiHelp() {
    }

    static final String TEXT = """

            # jnsc account server: JWT API

            The routes of `nsc account-server`, which speaks nats-account-server's HTTP API. Point a
            nats-server at it with: resolver: URL(http://<host:port>/jwt/v1/accounts/)

            ## GET /jwt/v1/help

            This page (text/plain).

            ## GET /healthz

            {"status":"ok"} while the server runs.

            ## GET /jwt/v1/operator

            The operator JWT (application/jwt): the operator folder's JWT with --nsc, the --operator
            file with --dir. text=true answers it as text/plain, decode=true as decoded JSON.

            ## GET /jwt/v1/accounts/  (and /jwt/v1/accounts)

            200 with an empty body and no caching: what a URL resolver asks at start to see that the
            account server is up.

            ## GET /jwt/v1/accounts/<account public key>

            The account's JWT (application/jwt), its jti as ETag; If-None-Match with that ETag
            answers 304. 404 when no account has that key, 400 when the path does not end with an
            account public key. Query parameters (the value "true", in any case, turns them on):

              * text=true   - the JWT as text/plain
              * decode=true - the header and claims as JSON (keys sorted, iat and exp with their date,
                              activation tokens of imports decoded), then the signature, as text/plain
              * check=true  - 404 when the JWT has expired
              * notify=true - also publish the JWT on $SYS.ACCOUNT.<key>.CLAIMS.UPDATE (with --nats),
                              so that servers take it now
              * jti=<id>    - refused with 501: lookup by jti is no longer supported

            text and decode answer before check, If-None-Match and notify are looked at.

            ## POST /jwt/v1/accounts/<account public key>   (--dir only)

            Stores the account JWT in the body (application/jwt or text/plain, at most 1 MiB) when the
            operator (its identity or a signing key) signed it, its subject is the key in the path and
            it is valid; a JWT issued earlier than the stored one is refused with 409. With --nats,
            servers are told of it on $SYS.ACCOUNT.<key>.CLAIMS.UPDATE. With --nsc the folder is
            read-only (405): change accounts with nsc; the server then notices the change in the
            folder and, with --nats, tells the servers.

            ## GET /jwt/v1/pack[?max=N]

            Every account JWT served, one "<account public key>|<jwt>" a line, keys ascending,
            expired JWTs left out, at most N (default and upper bound 10000), as text/plain.

            ## GET /jwt/v1/activations/<hash>, POST /jwt/v1/activations

            Activation tokens, stored by hash (--dir) or found in the nsc folder (--nsc).
            """;
}

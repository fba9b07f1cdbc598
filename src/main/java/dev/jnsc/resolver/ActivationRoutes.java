package dev.jnsc.resolver;

import com.sun.net.httpserver.HttpExchange;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.ActivationClaims;
import dev.jnsc.jwt.Claims;
import dev.jnsc.jwt.Export;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.JwtException;
import dev.jnsc.nkeys.KeyKind;
import dev.jnsc.nkeys.NKey;
import dev.jnsc.nkeys.NKeyException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The activation endpoints of nats-account-server: {@code POST /jwt/v1/activations} stores an
 * activation token ({@code --dir} mode only), {@code GET /jwt/v1/activations/<hash id>} serves it
 * ({@code nsc add import --token <that URL>}).
 *
 * <p>A posted activation is stored only if the exporting account is one this server holds (its
 * JWT was accepted as signed by the operator): the token must be signed by that account or by
 * one of the signing keys its stored JWT lists ({@code issuer_account} naming the account), be
 * for an account public key, grant a subject that one of the account's exports of that kind
 * contains, not be revoked by that export, and not be expired. So the server holds nothing that
 * its operator's accounts did not issue.
 */
final class ActivationRoutes {
    static final String PATH = "/jwt/v1/activations";

    private final AccountJwts jwts;
    private final DirActivations store;
    private final Clock clock;

    /** @param store where posted activations go; null for a read-only server (--nsc), which holds none */
    ActivationRoutes(AccountJwts jwts, DirActivations store, Clock clock) {
        this.jwts = jwts;
        this.store = store;
        this.clock = clock;
    }

    /** True for the paths these routes answer. */
    static boolean handles(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    /** True when a POST to {@code path} is to be read and stored. */
    boolean takesPost(String path) {
        return store != null && (path.equals(PATH) || path.equals(PATH + "/"));
    }

    Reply route(HttpExchange ex, String method, String path) {
        String rest = path.length() > PATH.length() ? path.substring(PATH.length() + 1) : "";
        if (rest.isEmpty()) {
            if (store == null) {
                return Reply.text(405, "this server serves an nsc folder read-only: it stores no activations")
                        .header("Allow", "");
            }
            return Reply.methodNotAllowed("POST");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Reply.methodNotAllowed("GET, HEAD");
        }
        // Go's URL encoder leaves '=' as it is, other clients may send %3D
        String hash = rest.replace("%3D", "=").replace("%3d", "=");
        if (!DirActivations.isHashId(hash)) {
            return Reply.text(400, "the path must end with an activation hash id (52 base32 characters and ====)");
        }
        AccountJwts.Stored stored = store == null ? null : store.load(hash);
        if (stored == null) {
            return Reply.text(404, "no activation with hash id " + hash);
        }
        return AccountHandler.matches(ex.getRequestHeaders().get("If-None-Match"), Reply.etag(stored))
                ? Reply.notModified(stored) : Reply.jwt(stored);
    }

    /** Checks and stores a posted activation: 200, or 400/409 with the reason. */
    Reply post(byte[] body) {
        if (body.length > AccountHandler.MAX_BODY) {
            return Reply.text(413, "the request body is larger than 1 MiB, which no activation JWT is")
                    .header("Connection", "close");
        }
        String token = new String(body, StandardCharsets.UTF_8).trim();
        ActivationClaims claims;
        try {
            claims = check(token, clock.instant().getEpochSecond());
        } catch (PostedJwtCheck.Refused e) {
            return Reply.text(400, e.getMessage());
        }
        DirJwts.Saved saved = store.save(claims, token);
        if (saved.kept()) {
            return Reply.text(409, "activation " + claims.hashId() + " is already stored issued later ("
                    + Instant.ofEpochSecond(saved.storedIat()) + ") than the posted one ("
                    + Instant.ofEpochSecond(claims.issuedAt()) + "); it was kept");
        }
        return Reply.empty(200);
    }

    private ActivationClaims check(String token, long now) {
        if (token.isEmpty()) {
            throw new PostedJwtCheck.Refused("the request body is empty: post the activation JWT");
        }
        Claims decoded;
        try {
            decoded = Jwt.decode(token).claims();
        } catch (JwtException | NKeyException e) {
            throw new PostedJwtCheck.Refused("bad JWT: " + e.getMessage());
        }
        if (!(decoded instanceof ActivationClaims)) {
            String type = decoded.type().isEmpty() ? "without a type" : "of type \"" + decoded.type() + "\"";
            throw new PostedJwtCheck.Refused("expected an activation JWT, found a JWT " + type);
        }
        ActivationClaims act = (ActivationClaims) decoded;
        if (!NKey.isValidPublicKey(act.subject(), KeyKind.ACCOUNT)) {
            throw new PostedJwtCheck.Refused("the activation's subject \"" + act.subject()
                    + "\" is not an account public key (the importing account)");
        }
        if (act.importType() == null || act.importSubject().isEmpty()) {
            throw new PostedJwtCheck.Refused("the activation grants no subject and type (stream or service)");
        }
        String exporter = act.issuerAccount().isEmpty() ? act.issuer() : act.issuerAccount();
        if (!NKey.isValidPublicKey(exporter, KeyKind.ACCOUNT)) {
            throw new PostedJwtCheck.Refused("the activation was issued by " + exporter
                    + ", which is not an account: activations come from the exporting account or its signing keys");
        }
        if (act.expires() > 0 && act.expires() <= now) {
            throw new PostedJwtCheck.Refused("the activation expired at " + Instant.ofEpochSecond(act.expires()));
        }
        AccountJwts.Stored stored = jwts.account(exporter);
        if (stored == null) {
            throw new PostedJwtCheck.Refused("account " + exporter + " is not known to this server: post its JWT first");
        }
        AccountClaims account = Jwt.decode(stored.token()).as(AccountClaims.class, "an account");
        if (!act.issuer().equals(exporter) && account.signingKey(act.issuer()) == null) {
            throw new PostedJwtCheck.Refused("the activation was signed by " + act.issuer()
                    + ", which is not a signing key of account " + exporter);
        }
        Export export = null;
        for (Export e : account.exports()) {
            if (e.type() == act.importType() && contains(e.subject(), act.importSubject())) {
                export = e;
                break;
            }
        }
        if (export == null) {
            throw new PostedJwtCheck.Refused("account " + exporter + " has no " + act.importType().json()
                    + " export that contains \"" + act.importSubject() + "\"");
        }
        if (export.isRevoked(act.subject(), act.issuedAt())) {
            throw new PostedJwtCheck.Refused("account " + exporter + " revoked the activations of export \""
                    + export.subject() + "\" for account " + act.subject() + " issued at that time");
        }
        return act;
    }

    /** The jwt library's Subject.IsContainedIn: is {@code subject} within {@code export}? */
    static boolean contains(String export, String subject) {
        String[] theirs = export.split("\\.", -1);
        String[] mine = subject.split("\\.", -1);
        boolean fwc = theirs[theirs.length - 1].equals(">");
        if (mine.length < theirs.length || (mine.length > theirs.length && !fwc)) {
            return false;
        }
        for (int i = 0; i < theirs.length; i++) {
            if (i == theirs.length - 1 && theirs[i].equals(">")) {
                return true;
            }
            if (!theirs[i].equals(mine[i]) && !theirs[i].equals("*")) {
                return false;
            }
        }
        return true;
    }
}

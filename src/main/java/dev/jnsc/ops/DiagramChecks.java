package dev.jnsc.ops;

import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.jwt.OperatorClaims;
import dev.jnsc.jwt.UserClaims;
import java.util.List;

/**
 * What {@code generate diagram} shows as "Validation" of a JWT: the checks of one JWT on its own
 * that {@code validate} makes (the jwt library's Validate and the validity times), as findings.
 */
public final class DiagramChecks {
    private DiagramChecks() {
    }

    public static List<Findings.Finding> operator(OperatorClaims o, long now) {
        Findings f = new Findings();
        ClaimChecks.operator(o, now, f);
        return f.list();
    }

    public static List<Findings.Finding> account(Jwt.Decoded d, long now) {
        Findings f = new Findings();
        AccountChecks.account(d.as(AccountClaims.class, "an account"), ValidateOps.nats(d), now, k -> k, f);
        return f.list();
    }

    public static List<Findings.Finding> user(UserClaims u, long now) {
        Findings f = new Findings();
        ClaimChecks.user(u, now, f);
        return f.list();
    }
}

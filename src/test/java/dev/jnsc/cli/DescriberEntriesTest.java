package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import dev.jnsc.testing.Checks;
import org.junit.jupiter.api.Test;

/** The exports and imports tables of describe account, read from the Go nsc's golden accounts. */
class DescriberEntriesTest {

    /**
     * Row for row what the Go nsc 2.11.1 prints for the golden account (its describe jwt, in jnsc's
     * box style), except the sampling by headers: nsc prints it as "(0%)".
     */
    @Test
    void exportsTable() {
        String out = Describer.account(golden("EXP"));
        String[] rows = {
            "│ Name          │ Type              │ Subject       │ Account Token Position │ Public │ Revocations │ Tracking          │ Allow Trace │",
            "│ acct.*.stream │ Stream            │ acct.*.stream │ 2                      │ Yes    │ 0           │ N/A               │ N/A         │",
            "│ adv.stream    │ Stream            │ adv.stream    │ -                      │ Yes    │ 0           │ N/A               │ N/A         │",
            "│ priv.stream.* │ Stream            │ priv.stream.* │ -                      │ No     │ 1           │ N/A               │ N/A         │",
            "│ pubstream     │ Stream            │ pub.stream.>  │ -                      │ Yes    │ 0           │ N/A               │ N/A         │",
            "│ same-stream   │ Stream            │ same.subject  │ -                      │ Yes    │ 0           │ N/A               │ N/A         │",
            "│ same-svc      │ Service           │ same.subject  │ -                      │ Yes    │ 0           │ -                 │ No          │",
            "│ svc.acct.*.>  │ Service           │ svc.acct.*.>  │ 3                      │ Yes    │ 0           │ -                 │ No          │",
            "│ svc.chunked.> │ Service [Chunked] │ svc.chunked.> │ -                      │ No     │ 1           │ -                 │ No          │",
            "│ svc.lat       │ Service           │ svc.lat       │ -                      │ Yes    │ 0           │ lat.results (50%) │ No          │",
            "│ svc.lathdr    │ Service           │ svc.lathdr    │ -                      │ Yes    │ 0           │ lat.hdr (header)  │ No          │",
            "│ single        │ Service           │ svc.single    │ -                      │ Yes    │ 0           │ -                 │ No          │",
            "│ svc.stream    │ Service [Stream]  │ svc.stream    │ -                      │ Yes    │ 0           │ -                 │ No          │",
            "│ svc.threshold │ Service           │ svc.threshold │ -                      │ Yes    │ 0           │ -                 │ No          │",
            "│ svc.trace     │ Service           │ svc.trace     │ -                      │ Yes    │ 0           │ -                 │ Yes         │",
            "│                Exports - Descriptions                │",
            "│ Name   │ Description │ Info Url                      │",
            "│ single │ a <b> & \"c\" │ https://example.com/x?a=1&b=2 │"};
        int at = 0;
        for (String row : rows) {
            int i = out.indexOf(row + "\n", at);
            assertTrue(i > at, "in this order: " + row + "\n" + out);
            at = i;
        }
        assertFalse(Checks.hasRow(out, "Exports", ""), "like nsc, no Exports row in the details when there are exports\n" + out);
    }

    @Test
    void importsTable() {
        String exp = golden("EXP").subject();
        String out = Describer.account(golden("IMP"));
        for (String row : new String[] {
            "│ Name          │ Type    │ Remote        │ Local     │ Expires │ From Account "
                    + " ".repeat(44) + "│ Public │ Allow Trace │",
            "│ adv.stream    │ Stream  │ adv.stream    │ local.adv │         │ " + exp + " │ Yes    │ Yes         │",
            "│ priv.stream.* │ Stream  │ priv.stream.* │           │         │ " + exp + " │ No     │ No          │",
            "│ svc.acct.*.>  │ Service │ svc.acct.*.>  │ acct.$1.> │         │ " + exp + " │ Yes    │ N/A         │",
            "│ chunked       │ Service │ svc.chunked.> │ chunked.> │         │ " + exp + " │ No     │ N/A         │"}) {
            assertTrue(out.contains(row), row + "\n" + out);
        }
    }

    @Test
    void importsOfATokenShowItsExpiryAndFriendlyNames() {
        AccountClaims imp = golden("IMP");
        String exp = golden("EXP").subject();
        // the timed activation (expires 2030-01-01) in place of the untimed one of priv.stream.*
        for (dev.jnsc.jwt.Import i : imp.imports()) {
            if (i.subject().equals("priv.stream.*")) {
                i.token(TestData.golden("claims/activation-timed.jwt").trim());
            }
            if (i.subject().equals("svc.lat")) {
                i.token("not a jwt");
            }
        }
        String out = Describer.account(imp, java.util.Map.of(exp, "EXP"));
        assertTrue(out.contains("│ priv.stream.* │ Stream  │ priv.stream.* │ "), out);
        assertTrue(out.matches("(?s).*│ priv\\.stream\\.\\* +│ Stream +│ priv\\.stream\\.\\* +│ +│ 2030-01-01 00:00:00 UTC +│ EXP +│ No .*"),
                out);
        assertTrue(out.matches("(?s).*│ svc\\.lat +│ Service +│ svc\\.lat +│ my\\.lat +│ error decoding: .*"), out);
        assertTrue(!out.contains(exp), "friendly names replace the key\n" + out);
    }

    @Test
    void activationTableHasTheHashId() {
        dev.jnsc.jwt.ActivationClaims a = Jwt.decode(TestData.golden("claims/activation-service.jwt").trim())
                .as(dev.jnsc.jwt.ActivationClaims.class, "an activation");
        String out = Describer.activation(a);
        Checks.assertRow(out, "Hash ID", a.hashId());
        Checks.assertRow(out, "Issuer Account", a.issuerAccount());
        Checks.assertRow(out, "Import Type", "Service");
        Checks.assertRow(out, "Import Subject", "svc.chunked.>");
    }

    private static AccountClaims golden(String name) {
        return Jwt.decode(TestData.golden("claims/account-" + name + ".jwt").trim()).as(AccountClaims.class, "an account");
    }
}

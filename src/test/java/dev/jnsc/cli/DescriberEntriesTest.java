package dev.jnsc.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnsc.TestData;
import dev.jnsc.jwt.AccountClaims;
import dev.jnsc.jwt.Jwt;
import org.junit.jupiter.api.Test;

/** The exports and imports tables of describe account, read from the Go nsc's golden accounts. */
class DescriberEntriesTest {

    @Test
    void exportsTable() {
        String out = Describer.account(golden("EXP"));
        for (String row : new String[] {
            "│ Name          │ Type    │ Subject       │ Public │ Revocations │",
            "│ priv.stream.* │ Stream  │ priv.stream.* │ No     │ 1           │",
            "│ pubstream     │ Stream  │ pub.stream.>  │ Yes    │ 0           │",
            "│ same-svc      │ Service │ same.subject  │ Yes    │ 0           │",
            "│ svc.chunked.> │ Service │ svc.chunked.> │ No     │ 1           │",
            "│ single        │ Service │ svc.single    │ Yes    │ 0           │"}) {
            assertTrue(out.contains(row), row + "\n" + out);
        }
    }

    @Test
    void importsTable() {
        String exp = golden("EXP").subject();
        String out = Describer.account(golden("IMP"));
        for (String row : new String[] {
            "│ adv.stream    │ Stream  │ adv.stream    │ local.adv │ " + exp + " │ Yes    │",
            "│ priv.stream.* │ Stream  │ priv.stream.* │           │ " + exp + " │ No     │",
            "│ svc.acct.*.>  │ Service │ svc.acct.*.>  │ acct.$1.> │ " + exp + " │ Yes    │",
            "│ chunked       │ Service │ svc.chunked.> │ chunked.> │ " + exp + " │ No     │"}) {
            assertTrue(out.contains(row), row + "\n" + out);
        }
    }

    private static AccountClaims golden(String name) {
        return Jwt.decode(TestData.golden("claims/account-" + name + ".jwt").trim()).as(AccountClaims.class, "an account");
    }
}

package dev.jnsc.cli;

import dev.jnsc.jwt.JsonWriter;
import dev.jnsc.ops.ExpirationOps;

/**
 * expirations: the report table on stderr (where nsc prints it), or with --json the report on
 * stdout. Exit 0 whatever has expired, as nsc: the report is the answer.
 */
final class ExpirationsCommand extends Leaf {
    ExpirationsCommand(Cli cli) {
        super(cli);
    }

    @Override
    void define(Spec s) {
        s.name("expirations", "Create a new expiration report");
        s.value("when", "print an expiration report for entities that expire within the specified duration."
                + " Supported are YYYY-MM-DD for absolute, and relative of now (m)inute, (h)our, (d)ay, (w)week,"
                + " (M)onth, (y)ear expressions (default \"1M\")", "-e", "--within");
        s.flag("print the expiration report in json format to stdout", "--json");
        s.flag("skip reporting entities that are not expired or expiring soon", "--skip");
    }

    @Override
    int run(Args a) {
        String within = a.has("--within") ? a.str("--within") : "1M";
        ExpirationOps.Result r = ExpirationOps.report(cli.workspace(), within, a.flag("--skip"));
        if (a.flag("--json")) {
            cli.out.println(json(r));
            cli.out.flush();
            return 0;
        }
        Table t = new Table("Expiration Report (" + ExpirationOps.humanizedDate(r.threshold(), cli.clock.instant()) + ")")
                .headers("Expired", "Resource", "Expiration");
        for (ExpirationOps.Entry e : r.entries()) {
            t.row(e.expired() ? "Yes" : e.expiresSoon() ? "Soon" : "No", e.resource(),
                    ExpirationOps.rfc3339(e.expiry(), r.zone()) + " - " + e.when());
        }
        cli.err.print(t.render());
        cli.err.flush();
        return 0;
    }

    /** nsc's JSON: two-space indent, "report": null when nothing is listed. */
    static String json(ExpirationOps.Result r) {
        JsonWriter w = JsonWriter.indentedEscapingHtml("  ").beginObject();
        w.name("expiration_threshold").value(r.thresholdText());
        w.name("report");
        if (r.entries().isEmpty()) {
            w.value((Object) null);
        } else {
            w.beginArray();
            for (ExpirationOps.Entry e : r.entries()) {
                w.beginObject().name("resource").value(e.resource()).name("id").value(e.id()).name("when").value(e.when())
                        .name("expiry").value(e.expiry()).name("expiration_date").value(e.expirationDate())
                        .name("expires_soon").value(e.expiresSoon()).name("expired").value(e.expired()).endObject();
            }
            w.endArray();
        }
        return w.endObject().toString();
    }
}

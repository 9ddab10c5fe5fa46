package dev.govern.cli.audit;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import dev.govern.cli.support.GovernanceOption;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.audit.Audit;
import dev.govern.core.ledger.Verification;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern audit verify}: checks the hash chain, signatures and checkpoints. */
@Command(
    name = "verify",
    description =
        "Check the ledger: hashes, chain, order, signatures, checkpoints. Exit 4 names the first bad entry.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the ledger is intact",
      "4:it is not: the first bad seq and the kind (edited, removed, reordered, duplicated, forged, bad signature, unsigned, torn tail, truncated)"
    })
final class AuditVerifyCommand extends BaseCommand {
  @Mixin GovernanceOption governance;
  @Mixin JsonFlag format;

  @Option(
      names = "--witness",
      paramLabel = "URL",
      description =
          "Also check against the checkpoints the team server at URL witnessed: a cut tail or a rewritten history fails even without local checkpoints.")
  String witness;

  record Problem(String kind, long seq, String message) {}

  record Report(
      int schemaVersion,
      String ledger,
      boolean intact,
      long entries,
      String head,
      long checkpointSeq,
      List<Long> unsigned,
      boolean signaturesRequired,
      int trustedKeys,
      Problem problem,
      List<String> notes,
      String witness,
      Long witnessedSeq)
      implements JsonDocument {}

  @Override
  protected int run() {
    Audit audit = audit(null, governance.file);
    Verification v;
    Long witnessedSeq = null;
    if (witness == null) {
      v = audit.verifier().verify(audit.ledger());
    } else {
      Witness w = new Witness(witness, settings());
      String ledgerId = Witness.ledgerId(audit.ledger());
      List<Witness.Witnessed> seen = w.fetch(ledgerId);
      dev.govern.core.ledger.Ledger.Snapshot s = audit.ledger().snapshot();
      List<String> checkpoints = new java.util.ArrayList<>(s.checkpointLines());
      seen.forEach(x -> checkpoints.add(x.checkpoint().toLine()));
      v = audit.verifier().verify(s.bytes(), checkpoints);
      witnessedSeq = seen.stream().mapToLong(x -> x.checkpoint().seq()).max().orElse(0);
      if (seen.isEmpty() && v.intact()) {
        v =
            new Verification(
                v.entries(),
                v.head(),
                new Verification.Problem(
                    dev.govern.core.ledger.Tamper.TRUNCATED,
                    1,
                    "the witness "
                        + w.url()
                        + " holds no checkpoint of this ledger (id "
                        + ledgerId.substring(0, 12)
                        + "): none was pushed, or its first entry was rewritten"),
                v.unsigned(),
                v.checkpointSeq(),
                v.notes());
      }
    }
    Problem p =
        v.firstProblem().map(x -> new Problem(x.kind().word(), x.seq(), x.message())).orElse(null);
    Report r =
        new Report(
            1,
            audit.ledger().file().toString(),
            v.intact(),
            v.entries(),
            v.head(),
            v.checkpointSeq(),
            v.unsigned(),
            audit.policy().requireSignatures(),
            audit.trustedKeys().all().size(),
            p,
            v.notes(),
            witness,
            witnessedSeq);
    if (format.json) {
      JsonOutput.print(out(), r);
    } else {
      out().println("ledger:     " + r.ledger());
      out().println("entries:    " + r.entries());
      out().println((p == null ? "head:       " : "last good:  ") + r.head());
      out()
          .println(
              "checkpoint: "
                  + (r.checkpointSeq() == 0 ? "none" : "covers seq " + r.checkpointSeq()));
      out()
          .println(
              "unsigned:   "
                  + (r.unsigned().isEmpty() ? "none" : Verification.ranges(r.unsigned()))
                  + (r.signaturesRequired() ? " (signatures required)" : ""));
      if (r.witness() != null) {
        out()
            .println(
                "witness:    "
                    + r.witness()
                    + (r.witnessedSeq() == 0
                        ? " (nothing witnessed)"
                        : " witnessed up to seq " + r.witnessedSeq()));
      }
      for (String n : r.notes()) {
        out().println("note:       " + n);
      }
      out()
          .println(
              p == null
                  ? "intact"
                  : "NOT INTACT at seq " + p.seq() + ": " + p.kind() + " — " + p.message());
      out().flush();
    }
    if (p != null) {
      err().println("govern: error: ledger check failed at seq " + p.seq() + ": " + p.kind());
      err().flush();
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}

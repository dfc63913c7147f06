package org.pobox.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.pobox.audit.AuditEntry;
import org.pobox.audit.AuditLog;
import org.pobox.auth.Accounts;
import org.pobox.auth.Passwords;
import org.pobox.auth.Role;
import org.pobox.auth.Sessions;
import org.pobox.auth.User;
import org.pobox.auth.Viewer;

/**
 * The API of the lead's audit page, the admin's user management and the mailroom's uploads and
 * status; routes in {@code routes/web-http.yaml}, like {@link WebApi}.
 */
public final class AdminApi extends ApiSupport {

    private final Accounts accounts;
    private final Sessions sessions;
    private final Path inbox;
    private final Path failed;

    AdminApi(Gate gate, AuditLog audit, Accounts accounts, Sessions sessions, Path inbox, Path failed) {
        super(gate, audit);
        this.accounts = accounts;
        this.sessions = sessions;
        this.inbox = inbox;
        this.failed = failed;
    }

    public void auditLog(Exchange ex) {
        run(ex, r -> {
            Viewer v = gate.require(r, false).viewer();
            if (!v.isLead()) {
                audit.record(AuditEntry.of(v.name(), "audit_read", r.ip(), "denied"));
                throw WebException.forbidden();
            }
            String since = r.param("since");
            List<AuditEntry> entries = audit.find(new AuditLog.Filter(r.param("user"), r.param("action"), r.param("letter"),
                    since == null || since.isBlank() ? null : LocalDate.parse(since).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                    r.param("size") == null ? 200 : Integer.parseInt(r.param("size"))));
            audit.record(AuditEntry.of(v.name(), "audit_read", r.ip(), "ok").search(null, null, entries.size()));
            json(ex, 200, Map.of("entries", entries));
        });
    }

    public void users(Exchange ex) {
        run(ex, r -> {
            Viewer v = admin(r, false, "user_list");
            List<Map<String, Object>> out = new ArrayList<>();
            for (User u : accounts.store().list()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", u.name());
                m.put("roles", u.roles().stream().map(Role::id).sorted().toList());
                List<String> lockedFrom = accounts.lockedFrom(u.name());
                m.put("locked", !lockedFrom.isEmpty());
                m.put("locked_from", lockedFrom);
                m.put("tokens", u.tokenHashes().size());
                out.add(m);
            }
            audit.record(AuditEntry.of(v.name(), "user_list", r.ip(), "ok").search(null, null, out.size()));
            json(ex, 200, Map.of("users", out));
        });
    }

    public void changeUser(Exchange ex) {
        run(ex, r -> {
            Viewer v = admin(r, true, "user_change");
            JsonNode b = jsonBody(r);
            String name = b.path("name").asText("");
            String op = b.path("op").asText("");
            String password = b.path("password").asText("");
            if (("add".equals(op) || "password".equals(op)) && password.length() < Passwords.MIN_LENGTH) {
                throw WebException.badRequest("密码至少需要 " + Passwords.MIN_LENGTH + " 位");
            }
            if ("add".equals(op) && accounts.store().get(name).isPresent()) {
                throw WebException.badRequest("用户 " + name + " 已存在");
            }
            if (("add".equals(op) || "roles".equals(op)) && !b.path("roles").elements().hasNext()) {
                throw WebException.badRequest("请至少选择一个角色");
            }
            String refused = refusal(v, op, name, "add".equals(op) || "roles".equals(op) ? roles(b.path("roles")) : Set.of());
            if (refused != null) {
                audit.record(AuditEntry.of(v.name(), "user_change", r.ip(), "denied").detail(op + " " + name));
                throw new WebException(403, refused);
            }
            switch (op) {
                case "add" -> accounts.add(name, roles(b.path("roles")), b.path("password").asText("").toCharArray());
                case "roles" -> accounts.setRoles(name, roles(b.path("roles")));
                case "password" -> accounts.setPassword(name, b.path("password").asText("").toCharArray());
                case "unlock" -> accounts.unlock(name);
                default -> throw WebException.badRequest("未知操作 " + op);
            }
            if (!"add".equals(op) && !"unlock".equals(op)) {
                sessions.closeAll(name);
            }
            audit.record(AuditEntry.of(v.name(), "user_change", r.ip(), "ok").detail(op + " " + name));
            json(ex, 200, Map.of("ok", true));
        });
    }

    /**
     * Why an admin may not make this change, or null. Admin and lead duties stay apart: only a
     * lead makes a lead, or changes a lead's account (a new password would let the admin log in
     * as that lead), and nobody changes their own roles.
     */
    private String refusal(Viewer by, String op, String name, Set<Role> newRoles) {
        if ("roles".equals(op) && by.name().equals(name)) {
            return "不能更改自己的角色";
        }
        boolean makesLead = newRoles.contains(Role.LEAD);
        // unlocking gives nobody anything; every other change to a lead's account needs a lead
        boolean touchesLead = !"add".equals(op) && !"unlock".equals(op)
                && accounts.store().get(name).map(u -> u.roles().contains(Role.LEAD)).orElse(false);
        if ((makesLead || touchesLead) && !by.isLead()) {
            return "只有领导角色可以授予领导角色或更改领导的账号";
        }
        return null;
    }

    public void upload(Exchange ex) {
        run(ex, r -> {
            Viewer v = mailroom(r, true, "upload");
            String name = r.param("name");
            if (name == null || !name.matches("[\\p{L}\\p{N}._ -]{1,120}\\.(?i)(pdf|tif|tiff|jpg|jpeg|png)")) {
                throw WebException.badRequest("文件名须为 PDF、TIFF、JPEG 或 PNG");
            }
            if (r.body().length == 0) {
                throw WebException.badRequest("文件为空");
            }
            Files.createDirectories(inbox);
            // written beside the inbox first and moved in at once: the intake never sees half a file
            Path staging = Files.createTempFile(inbox.getParent() == null ? inbox : inbox.getParent(), "upload", ".part");
            Files.write(staging, r.body());
            Path target = inbox.resolve(System.currentTimeMillis() + "_" + name);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            audit.record(AuditEntry.of(v.name(), "upload", r.ip(), "ok").detail(target.getFileName().toString()));
            json(ex, 200, Map.of("file", target.getFileName().toString(), "bytes", r.body().length));
        });
    }

    public void status(Exchange ex) {
        run(ex, r -> {
            Viewer v = mailroom(r, false, "status");
            audit.record(AuditEntry.of(v.name(), "status", r.ip(), "ok"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("waiting", countFiles(inbox, p -> !p.getFileName().toString().startsWith(".")));
            List<Map<String, String>> failures = new ArrayList<>();
            if (Files.isDirectory(failed)) {
                try (Stream<Path> s = Files.list(failed)) {
                    for (Path reason : s.filter(p -> p.toString().endsWith(".reason")).sorted().limit(200).toList()) {
                        String file = reason.getFileName().toString().replaceFirst("\\.reason$", "");
                        failures.add(Map.of("file", file, "reason", Files.readString(reason).strip()));
                    }
                }
            }
            out.put("failed", failures);
            json(ex, 200, out);
        });
    }

    static Set<Role> roles(JsonNode n) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        n.forEach(x -> roles.add(Role.of(x.asText())));
        return roles;
    }

    static long countFiles(Path dir, java.util.function.Predicate<Path> p) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p).count();
        }
    }
}

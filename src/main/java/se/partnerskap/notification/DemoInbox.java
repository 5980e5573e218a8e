package se.partnerskap.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.partnerskap.shared.StockholmTime;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** The demo's inbox: every e-mail the platform sent, caught locally. 404 when there is no catcher. */
@Controller
public class DemoInbox {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final ObjectProvider<MailCatcher> catcher;

    DemoInbox(ObjectProvider<MailCatcher> catcher) {
        this.catcher = catcher;
    }

    public record Segment(String text, boolean link) {
    }

    public record MailView(String to, String subject, String received, List<List<Segment>> lines) {
    }

    @GetMapping({"/demo/e-post", "/en/demo/mail"})
    String inbox(Ui ui, Model model) {
        MailCatcher mails = catcher.getIfAvailable();
        if (mails == null) {
            throw new NotFoundException();
        }
        model.addAttribute("mails", mails.messages().stream()
                .map(m -> new MailView(m.to(), m.subject(), StockholmTime.dateTime(m.received(), ui.language()),
                        m.text().lines().map(DemoInbox::segments).toList()))
                .toList());
        return "notification/demo-inbox";
    }

    static List<Segment> segments(String line) {
        List<Segment> out = new ArrayList<>();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Segment(line.substring(at, m.start()), false));
            }
            out.add(new Segment(m.group(), true));
            at = m.end();
        }
        if (at < line.length()) {
            out.add(new Segment(line.substring(at), false));
        }
        return out;
    }
}

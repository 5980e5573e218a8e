package se.partnerskap.registry.internal;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.partnerskap.registry.internal.OrganisationNumbers.Result;
import se.partnerskap.registry.internal.OrganisationNumbers.Row;
import se.partnerskap.web.NotFoundException;
import se.partnerskap.web.Ui;

/** Administrators record the organisation numbers of municipalities and regions that documents print. */
@Controller
@Secured("ROLE_ADMINISTRATOR")
public class OrganisationAdmin {

    /** The list page: the filter as typed and the organisations that match it. */
    public record ListPage(String filter, List<Row> rows) {
    }

    /** The edit form: the organisation, the number as stored or as typed, and the errors by field. */
    public record Form(Row organisation, String organisationNumber, Map<String, String> errors) {
    }

    private final OrganisationNumbers numbers;

    OrganisationAdmin(OrganisationNumbers numbers) {
        this.numbers = numbers;
    }

    @GetMapping({"/admin/organisationer", "/en/admin/organisations"})
    String list(@RequestParam(name = "q", defaultValue = "") String filter, Model model) {
        String q = filter.length() > 100 ? filter.substring(0, 100) : filter;
        model.addAttribute("page", new ListPage(q, numbers.municipalitiesAndRegions(q)));
        return "registry/organisations/list";
    }

    @GetMapping({"/admin/organisationer/{id}", "/en/admin/organisations/{id}"})
    String edit(@PathVariable UUID id, Model model) {
        Row row = numbers.find(id).orElseThrow(NotFoundException::new);
        String number = row.organisationNumber() == null ? "" : row.organisationNumber();
        model.addAttribute("form", new Form(row, number, Map.of()));
        return "registry/organisations/edit";
    }

    @PostMapping({"/admin/organisationer/{id}", "/en/admin/organisations/{id}"})
    String save(@PathVariable UUID id, @RequestParam(defaultValue = "") String organisationNumber, Principal principal,
            Model model, HttpServletResponse response, RedirectAttributes redirect, Ui ui) {
        Row row = numbers.find(id).orElseThrow(NotFoundException::new);
        return switch (numbers.record(id, organisationNumber, principal.getName())) {
            case Result.Invalid invalid -> {
                response.setStatus(400);
                model.addAttribute("form", new Form(row, organisationNumber,
                        Map.of("organisationNumber", invalid.errorKey())));
                yield "registry/organisations/edit";
            }
            case Result.Recorded recorded -> {
                redirect.addFlashAttribute("notice", recorded.number().isEmpty()
                        ? "organisations.notice.removed" : "organisations.notice.saved");
                yield "redirect:" + ui.href("/admin/organisationer") + "?q="
                        + java.net.URLEncoder.encode(row.name(), java.nio.charset.StandardCharsets.UTF_8) + "#o-" + id;
            }
        };
    }
}

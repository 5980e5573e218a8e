package se.partnerskap.newsroom;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.partnerskap.grant.FollowUpFixtures;
import se.partnerskap.grant.FundedPartnership;
import se.partnerskap.grant.FundedPartnerships;
import se.partnerskap.grant.NewProject;
import se.partnerskap.grant.Projects;
import se.partnerskap.newsroom.internal.SearchIndex;
import se.partnerskap.support.AbstractIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project search documents follow the funded projects on a refresh: a new project is found, a changed
 * one is rewritten, one that is gone is no longer found, and the documents of unchanged projects are left
 * as they were (not rewritten every few minutes).
 */
class ProjectSearchDocumentsTest extends AbstractIntegrationTest {

    @Autowired
    FundedPartnerships funded;

    @Autowired
    Projects projects;

    @Autowired
    SearchIndex index;

    private FollowUpFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new FollowUpFixtures(jdbc, funded, projects);
    }

    @AfterEach
    void clean() {
        fixtures.clean();
        index.refreshProjects();
    }

    private String rowVersion(String ref) {
        return jdbc.sql("SELECT string_agg(xmin::text, ',' ORDER BY language) FROM search_document"
                + " WHERE kind = 'project' AND ref = ?").param(ref).query(String.class).single();
    }

    private List<String> titles(String ref) {
        return jdbc.sql("SELECT title FROM search_document WHERE kind = 'project' AND ref = ? ORDER BY language")
                .param(ref).query(String.class).list();
    }

    @Test
    void aRefreshWritesNewAndChangedProjectsDeletesThoseGoneAndLeavesTheOthersAlone() {
        index.refreshProjects();
        FundedPartnership other = funded.all("kommunala-partnerskap").getFirst();
        String untouched = rowVersion(other.path());
        assertThat(untouched).isNotNull();

        FundedPartnership p = fixtures.project("sok", fixtures.municipality("1780"), "kommunala-partnerskap", 100_000,
                LocalDate.of(2026, 1, 1), 2, List.of(new NewProject.CostLine("travel", "Resor", "swedish", 100_000)));
        index.refreshProjects();
        assertThat(titles(p.path())).hasSize(2).allSatisfy(t -> assertThat(t).contains("Karlstad"));
        assertThat(rowVersion(other.path())).as("an unchanged project's documents are not written again")
                .isEqualTo(untouched);

        jdbc.sql("UPDATE funded_partnership SET title_sv = 'Vatten i Kisumu' WHERE id = ?").param(p.id()).update();
        index.refreshProjects();
        assertThat(titles(p.path())).anySatisfy(t -> assertThat(t).startsWith("Vatten i Kisumu"));
        assertThat(jdbc.sql("SELECT count(*) FROM search_document WHERE kind = 'project' AND ref = ?"
                + " AND document @@ websearch_to_tsquery('swedish', 'vatten')").param(p.path()).query(Integer.class)
                .single()).isPositive();

        fixtures.clean();
        index.refreshProjects();
        assertThat(titles(p.path())).isEmpty();
        assertThat(rowVersion(other.path())).isEqualTo(untouched);
    }
}

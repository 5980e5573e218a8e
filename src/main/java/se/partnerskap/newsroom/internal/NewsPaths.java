package se.partnerskap.newsroom.internal;

/** The public addresses of news items and publications, by the item's own language. */
final class NewsPaths {

    private NewsPaths() {
    }

    static String item(String language, String slug) {
        return ("en".equals(language) ? "/en/news/" : "/nyheter/") + slug;
    }

    static String publication(String language, String slug) {
        return ("en".equals(language) ? "/en/publications/" : "/publikationer/") + slug;
    }
}

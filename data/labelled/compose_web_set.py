"""Compose web-references.xml: the project's own labelled web-page and title-first references.

Every title, name, organisation, outlet and URL path below was written for citecheck (none is
copied from a real bibliography; any resemblance of a made-up title to a real article is
chance). The templates render them in the styles real web bibliographies use: the e-IR
essay's informal author-date style first, then APA 7, Harvard, MLA 9, Chicago (notes-
bibliography and author-date), Wikipedia's rendered citations, IEEE and Vancouver web
entries, social-media posts and reports, with the defects seen in the wild: n.d., access
dates, Wayback URLs, markdown links and escapes, a missing full stop before the outlet,
a URL or a word broken by a PDF line wrap, ligatures, stray quotes, handles as authors.

Deterministic (seeded); run from the repository root:

    .venv/bin/python data/labelled/compose_web_set.py > data/labelled/web-references.xml
"""
from __future__ import annotations

import random
import re
import sys
from xml.sax.saxutils import escape

SEED = 20240601
COUNT = 480

TITLES = [
    "China's Bride Trafficking Problem", "Why Rural Clinics Keep Closing", "The Hidden Cost of Fast Fashion",
    "How Drought Is Reshaping Farming in the Sahel", "Inside the Fight Over Deep-Sea Mining",
    "A Short History of the Shipping Container", "What the Census Tells Us About Migration",
    "Teachers Are Leaving the Profession: Here Is Why", "Coral Reefs Could Recover Faster Than Thought",
    "The Rise of Remote Work and the Empty Office", "Forced Labour in Global Supply Chains",
    "Child Marriage Declines, but Not Everywhere", "Living With Floods: Lessons From the Netherlands",
    "Who Pays for Climate Adaptation?", "Refugees in Limbo on the Greek Islands",
    "Seasonal Workers and the Harvest Crisis", "Air Pollution and Children's Lungs",
    "The Quiet Return of Measles", "How a Small Town Beat the Opioid Epidemic",
    "Mapping Heat Islands in Indian Cities", "Digital Surveillance at the Border",
    "Debt, Drought and Migration in Central America", "Why Bees Matter More Than You Think",
    "Fact Sheet: Statelessness", "Human Rights Defenders Under Pressure",
    "Online Scams Target Older Adults", "The Economics of Organ Trafficking",
    "Cybersex Trafficking: A Growing Threat", "What Is Modern Slavery?",
    "Global Estimates of Modern Slavery: Forced Labour and Forced Marriage",
    "Annual Report on Trafficking in Persons", "Women in Peacekeeping: Progress and Gaps",
    "Water Scarcity and Conflict in the Lake Chad Basin", "Electric Buses Are Winning in Latin America",
    "The Lithium Rush and Indigenous Land", "After the Earthquake: Rebuilding Schools",
    "Orphanage Tourism and Its Harms", "Domestic Workers Still Lack Basic Protections",
    "Fishing Crews Trapped at Sea", "The Long Shadow of Lead Paint",
    "Global Migration, by the Numbers: Who Migrates, Where They Go and Why",
    "Understanding the Gender Pay Gap", "Disinformation and the 2020 Election",
    "Why Some Languages Disappear", "Microfinance After the Hype",
    "Cash Transfers and Child Nutrition", "Urban Gardens Feed More People Than Expected",
    "The Trouble With Carbon Offsets", "Rethinking Prison Education",
    "Vaccines Reach Remote Villages by Drone", "Guidelines on International Protection",
    "Trafficking in Persons Report: Country Narratives", "Sex Trafficking and the Internet",
    "The State of the World's Children 2021", "Convention on the Rights of the Child",
    "North Korean Defectors Describe Life in Hiding", "On the Frontlines of the Famine",
    "Press Release: New Data on Labour Migration", "Frequently Asked Questions on Asylum",
    "Statement by the Special Rapporteur on Freedom of Expression", "How We Counted the Missing",
    "Ten Things to Know About Hurricanes", "Policy Brief: Safe Migration Corridors",
    "Ending Violence Against Children", "The Gig Economy's Invisible Workers",
    "Interactive Map: Conflict Events in 2019", "Explainer: What Is a Heat Dome?",
    "Country Profile: Myanmar", "Why Hospitals Are Running Out of Nurses",
    "Marriage Migration in East Asia", "Food Prices Hit Record High",
    "The Legal Status of Foreign NGOs", "Border Walls Do Not Stop Migration",
    "Hunger Hotspots: Early Warnings", "What Happens to Plastic After Recycling",
    "Trafficking Survivors Speak Out", "Children recruited by armed forces",
    "Statistics on Internally Displaced Persons", "Sold as Brides: Testimonies From the Border",
    "The New Face of Labour Exploitation", "Data Protection in Humanitarian Work",
    "Is the Four-Day Week Here to Stay?", "The Decline of Local News",
    "Kidney Sellers of the Himalayas", "Bonded Labour in Brick Kilns",
    "Transnational Crime and the Pandemic", "Tracking Illegal Logging From Space",
    "Where the Rivers Run Dry", "Citizenship Stripped: A Growing Trend",
]
REPORT_TITLES = [
    "Global Report on Trafficking in Persons 2020", "World Report on Ageing and Health",
    "State of the Climate in Africa 2019", "Annual Review 2018", "Country Reports on Human Rights Practices",
    "Migration and Remittances: Recent Developments", "Sex Slaves: The Prostitution and Forced Marriage of Women",
    "Global Estimates of Child Labour", "Education Under Attack 2020", "The Mental Health of Refugees",
    "World Drug Report 2019", "Safe Cities for Women: Baseline Study", "Forced Displacement in 2020",
    "Strategy on Gender Equality 2019-2023", "Emissions Gap Report 2020",
]
PEOPLE = [
    ("Barr", "Heather"), ("Batha", "Emma"), ("Chen", "Shasha"), ("Choe", "Sang-Hun"), ("Davis", "Kathleen"),
    ("Edmond", "Charlotte"), ("Enos", "Olivia"), ("Henderson", "Margaret"), ("Keiper", "Andrew"),
    ("Newman", "Rick"), ("Rajagopalan", "Megha"), ("Yoon", "Hee-soon"), ("Yu", "Yeon Jung"), ("Zaugg", "Julie"),
    ("Okafor", "Ngozi"), ("Lindqvist", "Erik"), ("Haddad", "Rami"), ("Müller", "Katrin"), ("Ólafsson", "Bjarni"),
    ("Gómez", "Ana"), ("Nguyen", "Thi Lan"), ("Kowalski", "Piotr"), ("Mensah", "Kwame"), ("Abdi", "Amina"),
    ("O'Brien", "Siobhan"), ("Dubois", "Claire"), ("Rossi", "Marco"), ("Tanaka", "Hiroshi"), ("Park", "Ji-woo"),
    ("Singh", "Harpreet"), ("Patel", "Anjali"), ("Fernández", "Lucía"), ("Ivanova", "Olga"), ("Santos", "João"),
    ("Johnson", "Mark"), ("Williams", "Sarah"), ("Brown", "David"), ("Taylor", "Emily"), ("Martin", "Luis"),
    ("García-López", "María"), ("Achebe", "Chidi"), ("Kim", "Min-jun"), ("Wang", "Lei"), ("Li", "Na"),
    ("Hassan", "Omar"), ("Novak", "Tereza"), ("Jensen", "Mette"), ("Murphy", "Colm"), ("Silva", "Beatriz"),
    ("Adeyemi", "Tunde"), ("Cohen", "Rachel"), ("Kaplan", "Daniel"), ("Moreau", "Julien"), ("Schulz", "Jonas"),
    ("Yamamoto", "Aiko"), ("Bianchi", "Giulia"), ("Rahman", "Farhana"), ("Mwangi", "Wanjiru"), ("Reyes", "Carlos"),
    ("Lopez", "Isabel"), ("Clarke", "Fiona"), ("Hughes", "Owen"), ("Price", "Natalie"), ("Sato", "Kenji"),
]
PARTICLE_PEOPLE = [("van der Berg", "Jan"), ("de la Cruz", "Sofia"), ("von Trapp", "Maria"), ("Beauvoir", "Simone de"),
                   ("van Dijk", "Pieter"), ("di Stefano", "Luca")]
HANDLES = ["HP Boe", "Jdoe99", "Policy Wonk", "Admin", "TheRealNews", "A. Reader", "Staff Writer", "Webmaster"]
ORGS = [
    "United Nations Office on Drugs and Crime", "Human Rights Watch", "Amnesty International", "UNICEF",
    "World Health Organization", "International Labour Organization", "United States Department of State",
    "Department of Homeland Security", "World Economic Forum", "International Justice Mission",
    "Korea Future Initiative", "U.S. Mission to the OSCE", "Borgen Project", "European Commission",
    "Office of the High Commissioner for Human Rights", "International Organization for Migration", "UNHCR",
    "World Bank", "Polaris Project", "Walk Free Foundation", "Médecins Sans Frontières", "Oxfam",
    "National Crime Agency", "Home Office", "Global Slavery Index", "Save the Children", "OECD",
    "Council on Foreign Relations", "Brookings Institution", "Pew Research Center", "Anti-Slavery International",
    "International Committee of the Red Cross", "Norwegian Refugee Council", "UN Women",
    "Federal Bureau of Investigation", "Ministry of Foreign Affairs of Japan", "Bundesministerium des Innern",
    "Australian Institute of Criminology", "Crisis Group", "Freedom House",
]
OUTLETS = [
    ("Reuters", "www.reuters.com"), ("CNN", "www.cnn.com"), ("NY Times", "www.nytimes.com"),
    ("The Guardian", "www.theguardian.com"), ("Global Times", "www.globaltimes.cn"), ("BBC News", "www.bbc.com"),
    ("Al Jazeera", "www.aljazeera.com"), ("The Diplomat", "thediplomat.com"), ("Fox News", "www.foxnews.com"),
    ("Borgen Magazine", "www.borgenmagazine.com"), ("Providence", "providencemag.com"), ("Crux", "cruxnow.com"),
    ("Sapiens", "www.sapiens.org"), ("ICMA", "icma.org"), ("Dentons", "www.jdsupra.com"),
    ("U.S. News & World Report", "www.usnews.com"), ("The Atlantic", "www.theatlantic.com"),
    ("Vox", "www.vox.com"), ("NPR", "www.npr.org"), ("Le Monde", "www.lemonde.fr"), ("Der Spiegel", "www.spiegel.de"),
    ("The Conversation", "theconversation.com"), ("Medium", "medium.com"), ("Wired", "www.wired.com"),
    ("National Geographic", "www.nationalgeographic.com"), ("Daily NK", "www.dailynk.com"),
    ("South China Morning Post", "www.scmp.com"), ("The Korea Herald", "www.koreaherald.com"),
    ("Human Trafficking Search", "humantraffickingsearch.org"), ("E-International Relations", "www.e-ir.info"),
    ("Foreign Policy", "foreignpolicy.com"), ("The New Humanitarian", "www.thenewhumanitarian.org"),
    ("Mongabay", "news.mongabay.com"), ("Devex", "www.devex.com"), ("Scientific American", "www.scientificamerican.com"),
    ("Free Republic", "www.freerepublic.com"), ("Euronews", "www.euronews.com"), ("The Hindu", "www.thehindu.com"),
    ("Nikkei Asia", "asia.nikkei.com"), ("Quartz", "qz.com"),
]
ORG_DOMAINS = {
    "United Nations Office on Drugs and Crime": "www.unodc.org", "Human Rights Watch": "www.hrw.org",
    "Amnesty International": "www.amnesty.org", "UNICEF": "www.unicef.org", "World Health Organization": "www.who.int",
    "International Labour Organization": "www.ilo.org", "United States Department of State": "www.state.gov",
    "Department of Homeland Security": "www.dhs.gov", "World Economic Forum": "www.weforum.org",
    "European Commission": "ec.europa.eu", "UNHCR": "www.unhcr.org", "World Bank": "www.worldbank.org",
    "OECD": "www.oecd.org", "Home Office": "www.gov.uk", "Pew Research Center": "www.pewresearch.org",
}
PLACES = ["London", "Geneva", "New York", "Washington, DC", "Vienna", "Paris", "Oxford", "Seoul", "Nairobi",
          "Bangkok", "Canberra", "Berlin", "Brussels", "Detroit, MI", "Tokyo"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON_MLA = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
SECTIONS = ["news", "article", "world/asia", "en/news", "stories", "blog", "reports", "2019/10/31", "insights",
            "agenda/2020/01", "content", "features", "press-releases", "resources", "topics"]


class Composer:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.spans: list[tuple[str, str]] = []

    # --- helpers -----------------------------------------------------------------------------
    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def add(self, label: str, text: str) -> None:
        self.spans.append((label, text))

    def year(self) -> int:
        return self.r.randint(1998, 2023)

    def person(self):
        return self.pick(PARTICLE_PEOPLE) if self.chance(0.07) else self.pick(PEOPLE)

    def slug(self, title: str) -> str:
        words = re.sub(r"[^a-z0-9 ]", "", title.lower()).split()
        return "-".join(words[: self.r.randint(3, 9)])

    def url(self, domain: str, title: str, year: int, pdf: bool = False) -> str:
        path = f"{self.pick(SECTIONS)}/{self.slug(title)}"
        if self.chance(0.25):
            path = f"{year}/{self.r.randint(1, 12):02d}/{self.r.randint(1, 28):02d}/{self.slug(title)}"
        if pdf:
            path = f"sites/default/files/{year}/{self.slug(title).replace('-', '_')}.pdf"
        elif self.chance(0.15):
            path += f"-idUS{self.r.randint(10000, 99999)}"
        elif self.chance(0.1):
            path = f"en/NewsEvents/Pages/DisplayNews.aspx?NewsID={self.r.randint(10000, 30000)}&LangID=E"
        elif self.chance(0.2):
            path += "/"
        scheme = "https" if self.chance(0.85) else "http"
        return f"{scheme}://{domain}/{path}"

    def wayback(self, url: str, year: int) -> str:
        ts = f"{year}{self.r.randint(1, 12):02d}{self.r.randint(1, 28):02d}{self.r.randint(0, 235959):06d}"
        return f"http://web.archive.org/web/{ts}/{url}"

    def broken(self, url: str) -> str:
        """A PDF line wrap: a space after a hyphen or slash inside the URL."""
        cuts = [m.end() for m in re.finditer(r"[-/]", url) if m.end() > url.find("//") + 12]
        if not cuts:
            return url
        at = self.pick(cuts)
        return url[:at] + " " + url[at:]

    def wrapped_url(self, url: str) -> str:
        style = self.r.random()
        if style < 0.55:
            return f"<{url}>"
        if style < 0.7:
            escaped = url.replace("_", "\\\\_")
            return f"[{escaped}]({url})"
        return url

    def date_long(self, year: int) -> str:
        return f"{self.r.randint(1, 28)} {self.pick(MONTHS)} {year}"

    def date_us(self, year: int) -> str:
        return f"{self.pick(MONTHS)} {self.r.randint(1, 28)}, {year}"

    def access_year(self, year: int) -> int:
        return min(2024, year + self.r.randint(0, 3))

    def author_text(self, inverted_all: bool = True, max_n: int = 3) -> str:
        n = 1 if self.chance(0.65) else self.r.randint(2, max_n)
        people = [self.person() for _ in range(n)]
        if n == 1:
            fam, giv = people[0]
            return f"{fam}, {giv}"
        first = f"{people[0][0]}, {people[0][1]}"
        rest = [f"{f}, {g}" if inverted_all else f"{g} {f}" for f, g in people[1:]]
        joiner = " & " if self.chance(0.6) else " and "
        if len(rest) == 1:
            return first + joiner + rest[0]
        return ", ".join([first] + rest[:-1]) + "," + joiner + rest[-1]

    def apa_authors(self) -> str:
        n = 1 if self.chance(0.6) else self.r.randint(2, 4)
        names = []
        for _ in range(n):
            fam, giv = self.person()
            initials = " ".join(p[0] + "." for p in re.split(r"[\s]+", giv) if p)
            names.append(f"{fam}, {initials}")
        if n == 1:
            return names[0]
        return ", ".join(names[:-1]) + ", & " + names[-1]

    def title(self) -> str:
        t = self.pick(TITLES)
        if self.chance(0.05):
            t = t.replace("fi", "ﬁ").replace("fl", "ﬂ")
        return t

    def pdf_hyphen(self, text: str) -> str:
        words = text.split()
        long = [i for i, w in enumerate(words) if len(w) >= 8 and w.isalpha()]
        if not long:
            return text
        i = self.pick(long)
        w = words[i]
        cut = self.r.randint(3, len(w) - 3)
        words[i] = w[:cut] + "- " + w[cut:]
        return " ".join(words)

    # --- styles ------------------------------------------------------------------------------
    def eir(self) -> str:
        """The e-IR essay's style: "Family, Given. (Year). Title. *Outlet*. <URL>", often title-first."""
        y = self.year()
        nd = self.chance(0.12)
        title = self.title()
        outlet, domain = self.pick(OUTLETS)
        org = self.pick(ORGS)
        kind = self.r.random()
        if kind < 0.5:
            author = self.author_text(inverted_all=self.chance(0.3), max_n=2)
            if self.chance(0.05):
                author = author.replace("-", "- ", 1) if "-" in author else author
            self.add("author", author + ".")
        elif kind < 0.58:
            self.add("author", self.pick(HANDLES))
        elif kind < 0.66:
            self.add("author", org + ".")
        else:
            self.add("title", (self.pdf_hyphen(title) if self.chance(0.05) else title) + ".")
            title = ""
        self.add("date", "(n.d.)." if nd else f"({y}).")
        if title:
            stray = "'" if self.chance(0.04) else ""
            if self.chance(0.12):
                self.add("title", title + stray)  # no full stop before the outlet
            else:
                self.add("title", title + stray + ".")
        venue = self.r.random()
        dom = domain
        if venue < 0.6:
            self.add("container", f"*{outlet}*.")
        elif venue < 0.85:
            pub = org if self.chance(0.7) else outlet
            dom = ORG_DOMAINS.get(pub, domain)
            self.add("publisher", pub + ".")
        else:
            self.add("container", f"*{outlet}*")
        if self.chance(0.1) and not title:
            self.add("location", self.pick(PLACES) + ":")
            self.add("publisher", org + ".")
        if self.chance(0.93):
            url = self.url(dom, title or self.pick(TITLES), y, pdf=self.chance(0.12))
            if self.chance(0.07):
                url = self.wayback(url, y)
            if self.chance(0.08):
                url = url + "#"
            if self.chance(0.08):
                url = self.broken(url)
            self.add("url", self.wrapped_url(url))
        return "eir"

    def apa(self) -> str:
        y = self.year()
        org = self.pick(ORGS)
        outlet, domain = self.pick(OUTLETS)
        nd = self.chance(0.12)
        if self.chance(0.65):
            self.add("author", self.apa_authors())
            date = "(n.d.)." if nd else (f"({y}, {self.pick(MONTHS)} {self.r.randint(1, 28)})." if self.chance(0.6) else f"({y}).")
            self.add("date", date)
            self.add("title", self.title() + ".")
            if self.chance(0.5):
                self.add("container", f"*{outlet}*.")
            else:
                self.add("publisher", outlet + ".")
        else:
            self.add("author", org + ".")
            self.add("date", "(n.d.)." if nd else f"({y}).")
            title = self.pick(REPORT_TITLES) if self.chance(0.5) else self.title()
            self.add("title", f"*{title}*." if self.chance(0.6) else title + ".")
            domain = ORG_DOMAINS.get(org, domain)
            if self.chance(0.3):
                self.add("publisher", self.pick(ORGS) + ".")
        url = self.url(domain, self.title(), y, pdf=self.chance(0.15))
        if nd or self.chance(0.25):
            self.add("note", f"Retrieved {self.date_us(self.access_year(y))}, from")
        self.add("url", url)
        return "apa"

    def harvard(self) -> str:
        y = self.year()
        org = self.pick(ORGS)
        outlet, domain = self.pick(OUTLETS)
        if self.chance(0.6):
            self.add("author", self.apa_authors().replace(", &", " and").replace(" &", " and"))
        else:
            self.add("author", org)
            domain = ORG_DOMAINS.get(org, domain)
        self.add("date", "(n.d.)" if self.chance(0.1) else f"({y})")
        title = self.title()
        self.add("title", f"*{title}*." if self.chance(0.4) else f"'{title}'," if self.chance(0.3) else title + ".")
        if self.chance(0.5):
            self.add("container", f"*{outlet}*,")
            if self.chance(0.5):
                self.add("date", f"{self.r.randint(1, 28)} {self.pick(MONTHS)}.")
        if self.chance(0.3):
            self.add("note", "[online]")
        self.add("note", "Available at:")
        self.add("url", self.url(domain, title, y))
        a = self.access_year(y)
        self.add("note", f"(Accessed: {self.date_long(a)})." if self.chance(0.6) else f"[Accessed {self.date_long(a)}].")
        return "harvard"

    def mla(self) -> str:
        y = self.year()
        outlet, domain = self.pick(OUTLETS)
        if self.chance(0.7):
            fam, giv = self.person()
            if self.chance(0.2):
                fam2, giv2 = self.person()
                self.add("author", f"{fam}, {giv}, and {giv2} {fam2}.")
            else:
                self.add("author", f"{fam}, {giv}.")
        title = self.title()
        self.add("title", f"“{title}.”" if self.chance(0.5) else f'"{title}."')
        self.add("container", f"*{outlet}*,")
        if self.chance(0.3):
            self.add("publisher", self.pick(ORGS) + ",")
        self.add("date", f"{self.r.randint(1, 28)} {self.pick(MON_MLA)} {y}," if self.chance(0.7) else f"{y},")
        url = self.url(domain, title, y)
        if self.chance(0.5):
            url = re.sub(r"^https?://", "", url)
        self.add("url", url + ".")
        if self.chance(0.6):
            self.add("note", f"Accessed {self.r.randint(1, 28)} {self.pick(MON_MLA)} {self.access_year(y)}.")
        return "mla"

    def chicago(self) -> str:
        y = self.year()
        outlet, domain = self.pick(OUTLETS)
        author_date = self.chance(0.5)
        if self.chance(0.75):
            self.add("author", self.author_text(inverted_all=False) + ".")
        else:
            org = self.pick(ORGS)
            self.add("author", org + ".")
            domain = ORG_DOMAINS.get(org, domain)
        if author_date:
            self.add("date", "n.d." if self.chance(0.08) else f"{y}.")
        title = self.title()
        self.add("title", f"“{title}.”" if self.chance(0.6) else f'"{title}."')
        if self.chance(0.6):
            self.add("container", f"*{outlet}*" + ("," if author_date else "."))
        else:
            self.add("publisher", outlet + ("," if author_date else "."))
        if author_date:
            self.add("date", f"{self.pick(MONTHS)} {self.r.randint(1, 28)}.")
        else:
            self.add("date", self.date_us(y) + ".")
        if self.chance(0.3):
            self.add("note", f"Accessed {self.date_us(self.access_year(y))}.")
        self.add("url", self.url(domain, title, y) + ".")
        return "chicago"

    def wikipedia(self) -> str:
        y = self.year()
        outlet, domain = self.pick(OUTLETS)
        if self.chance(0.5):
            fam, giv = self.person()
            self.add("author", f"{fam}, {giv}")
            self.add("date", f"({self.date_long(y)}).")
            self.add("title", f'"{self.title()}".')
        else:
            self.add("title", f'"{self.title()}".')
        if self.chance(0.7):
            self.add("container", f"*{outlet}*.")
        else:
            self.add("publisher", self.pick(ORGS) + ".")
        if not any(label == "date" for label, _ in self.spans):
            self.add("date", (self.date_long(y) if self.chance(0.7) else str(y)) + ".")
        if self.chance(0.5):
            self.add("note", f"Archived from the original on {self.date_long(self.access_year(y))}.")
        self.add("note", f"Retrieved {self.date_long(self.access_year(y))}.")
        self.add("url", self.url(domain, self.title(), y))
        return "wikipedia"

    def report(self) -> str:
        y = self.year()
        org = self.pick(ORGS)
        domain = ORG_DOMAINS.get(org, "www." + re.sub(r"[^a-z]", "", org.lower())[:12] + ".org")
        self.add("author", org + "." if self.chance(0.7) else f"{org}")
        self.add("date", f"({y})." if self.chance(0.8) else "(n.d.).")
        title = self.pick(REPORT_TITLES)
        self.add("title", f"*{title}*." if self.chance(0.6) else title + ".")
        if self.chance(0.5):
            self.add("location", self.pick(PLACES) + ":")
            self.add("publisher", (org if self.chance(0.5) else self.pick(ORGS)) + ".")
        url = self.url(domain, title, y, pdf=True)
        if self.chance(0.2):
            url = self.wayback(url, y)
        self.add("url", self.wrapped_url(url) if self.chance(0.5) else url)
        return "report"

    def social(self) -> str:
        y = self.year()
        fam, giv = self.person()
        handle = "@" + (giv.split()[0] + fam).replace("'", "").replace(" ", "")[:14]
        self.add("author", f"{giv} {fam} [{handle}]." if self.chance(0.6) else f"{handle}.")
        self.add("date", f"({y}, {self.pick(MONTHS)} {self.r.randint(1, 28)}).")
        self.add("title", self.title() + ".")
        platform = self.pick(["Tweet", "Video", "Post", "Status update"])
        self.add("genre", f"[{platform}].")
        site, dom = self.pick([("Twitter", "twitter.com"), ("YouTube", "www.youtube.com"), ("Facebook", "www.facebook.com"),
                               ("Instagram", "www.instagram.com")])
        self.add("publisher", site + ".")
        self.add("url", f"https://{dom}/{handle[1:]}/status/{self.r.randint(10**17, 10**18)}")
        return "social"

    def ieee(self, n: int) -> str:
        y = self.year()
        outlet, domain = self.pick(OUTLETS)
        self.add("number", f"[{n}]")
        fam, giv = self.person()
        if self.chance(0.7):
            self.add("author", f"{giv[0]}. {fam},")
        else:
            self.add("author", self.pick(ORGS) + ",")
        title = self.title()
        self.add("title", f'"{title},"' if self.chance(0.6) else f"“{title},”")
        self.add("container", f"*{outlet}*,")
        self.add("date", f"{self.pick(MON_MLA)} {self.r.randint(1, 28)}, {y}." if self.chance(0.7) else f"{y}.")
        self.add("note", "[Online]. Available:")
        self.add("url", self.url(domain, title, y))
        if self.chance(0.6):
            self.add("note", f"[Accessed: {self.date_us(self.access_year(y))}].")
        return "ieee"

    def vancouver(self, n: int) -> str:
        y = self.year()
        org = self.pick(ORGS)
        self.add("number", f"{n}.")
        if self.chance(0.6):
            self.add("author", org + ".")
        else:
            fam, giv = self.person()
            self.add("author", f"{fam} {''.join(p[0] for p in giv.replace('-', ' ').split())}.")
        self.add("title", self.title())
        self.add("genre", "[Internet].")
        self.add("location", self.pick(PLACES).split(",")[0] + ":")
        self.add("publisher", self.pick(ORGS) + ";")
        self.add("date", f"{y}")
        self.add("note", f"[cited {self.access_year(y)} {self.pick(MON_MLA).rstrip('.')[:3]} {self.r.randint(1, 28)}].")
        self.add("note", "Available from:")
        self.add("url", self.url(ORG_DOMAINS.get(org, "www.example.org"), self.title(), y))
        return "vancouver"

    def compose(self, i: int) -> tuple[str, list[tuple[str, str]]]:
        self.spans = []
        pick = self.r.random()
        if pick < 0.36:
            style = self.eir()
        elif pick < 0.50:
            style = self.apa()
        elif pick < 0.59:
            style = self.harvard()
        elif pick < 0.68:
            style = self.mla()
        elif pick < 0.77:
            style = self.chicago()
        elif pick < 0.84:
            style = self.wikipedia()
        elif pick < 0.90:
            style = self.report()
        elif pick < 0.93:
            style = self.social()
        elif pick < 0.97:
            style = self.ieee(i % 40 + 1)
        else:
            style = self.vancouver(i % 40 + 1)
        return style, self.spans


def main() -> int:
    composer = Composer(SEED)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- citecheck's own labelled web-page and title-first references (see README.md beside this file). "
           "Generated by compose_web_set.py; MIT like the rest of citecheck. -->",
           "<dataset>"]
    seen: set[str] = set()
    i = 0
    while len(seen) < COUNT:
        style, spans = composer.compose(i)
        i += 1
        text = " ".join(t for _, t in spans)
        if text in seen:
            continue
        seen.add(text)
        out.append(f'  <sequence style="{style}">')
        out.extend(f"    <{label}>{escape(t)}</{label}>" for label, t in spans)
        out.append("  </sequence>")
    out.append("</dataset>")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

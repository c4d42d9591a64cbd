package cn.gov.eqq.govinfo.intake.filing.adapter.in.web;

import cn.gov.eqq.govinfo.intake.filing.application.RulesFilings;
import cn.gov.eqq.govinfo.intake.shared.adapter.in.web.Actors;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/** 备案: a unit files its internal information-work rules for a year; the room sees who has and who is late. */
@RestController
@RequestMapping("/api/intake/filings/{year}")
class FilingController {

    private final RulesFilings filings;

    FilingController(RulesFilings filings) {
        this.filings = filings;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    RulesFilings.UnitFiling file(CurrentUser user, @PathVariable int year, @RequestParam("title") String title,
                                 @RequestParam("file") MultipartFile file) throws IOException {
        return filings.file(Actors.of(user),
                new RulesFilings.FileRules(year, title, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/mine")
    RulesFilings.UnitFiling mine(CurrentUser user, @PathVariable int year) {
        return filings.mine(Actors.of(user), year);
    }

    @GetMapping
    RulesFilings.Overview overview(CurrentUser user, @PathVariable int year) {
        return filings.overview(Actors.of(user), year);
    }
}

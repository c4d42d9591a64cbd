package cn.gov.eqq.govinfo.scoring.ledger.adapter.in.web;

import cn.gov.eqq.govinfo.platform.problem.ApiProblem;
import cn.gov.eqq.govinfo.platform.security.CurrentUser;
import cn.gov.eqq.govinfo.scoring.ledger.application.Replay;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators rebuild the ledger and rankings from the event topics (docs/services/scoring.md, "Replay"): any replica
 * starts it, and any replica answers its state, which is shared.
 */
@RestController
@RequestMapping("/api/scoring/replay")
@PreAuthorize("hasRole('admin')")
class ReplayController {

    private final Replay replay;

    ReplayController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping
    ResponseEntity<Replay.Status> start(CurrentUser user) {
        if (!replay.start(user.actor())) {
            throw ApiProblem.conflict("replay.running", "重建正在进行中（可能在另一个副本上），请等待完成后再试");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replay.status());
    }

    @GetMapping
    Replay.Status status() {
        return replay.status();
    }
}

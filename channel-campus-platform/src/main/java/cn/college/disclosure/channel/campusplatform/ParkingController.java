package cn.college.disclosure.channel.campusplatform;

import cn.college.disclosure.channel.runtime.ChannelParking;
import cn.college.disclosure.channel.runtime.ParkedChannel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether the channel is parked (breaker open, 429): 200 with reason and resume time, 204 while it
 * runs.
 */
@RestController
class ParkingController {

    private final ChannelParking parking;

    ParkingController(ChannelParking parking) {
        this.parking = parking;
    }

    @GetMapping("/channel/parking")
    ResponseEntity<ParkedChannel> parking() {
        return parking.parked().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }
}

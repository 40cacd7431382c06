import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { JobRunsDto } from './dto/job-run.dto';
import { listJobRuns, listRunsPerJob } from './job-runs.query';
import { JobsService } from './jobs.service';

const LAST_RUNS_PER_JOB = 5;

@ApiTags('admin')
@Controller('admin/jobs')
export class JobsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: JobRunsDto })
  async list(): Promise<JobRunsDto> {
    const [runs, failures, perJob] = await Promise.all([
      listJobRuns(this.dataSource, false, 50),
      listJobRuns(this.dataSource, true, 50),
      listRunsPerJob(this.dataSource, LAST_RUNS_PER_JOB),
    ]);
    const schedules = this.jobs
      .schedules(new Date())
      .map((schedule) => ({ ...schedule, lastRuns: perJob.get(schedule.name) ?? [] }));
    return { running: this.jobs.running, schedules, runs, failures };
  }
}

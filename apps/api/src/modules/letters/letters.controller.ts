import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { parseIfMatch, setETag } from '../../common/if-match';
import { CreateLetterDto, LetterDto, UpdateLetterDto } from './dto/letter.dto';
import { LettersService } from './letters.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('letters')
@Controller('cases/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @ApiOkResponse({ type: [LetterDto] })
  list(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<LetterDto[]> {
    return this.letters.list(id, ctx);
  }

  @Post()
  @ApiCreatedResponse({ type: LetterDto, description: 'A new draft, filled from the case' })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateLetterDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<LetterDto> {
    return this.letters.create(id, dto, ctx);
  }

  @Get(':letterId')
  @ApiOkResponse({ type: LetterDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LetterDto> {
    const letter = await this.letters.get(id, letterId, ctx);
    setETag(res, letter.revision);
    return letter;
  }

  @Patch(':letterId')
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: "The letter's revision being edited (from GET or its ETag)",
  })
  @ApiOkResponse({ type: LetterDto, description: 'Drafts only: a signed letter is frozen (409)' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @Body() dto: UpdateLetterDto,
    @Headers('if-match') ifMatch: string | undefined,
    @RequestContext() ctx: RequestContext,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LetterDto> {
    const letter = await this.letters.update(id, letterId, dto, parseIfMatch(ifMatch), ctx);
    setETag(res, letter.revision);
    return letter;
  }

  @Post(':letterId/sign')
  @ApiCreatedResponse({ type: LetterDto, description: 'Signs and freezes the draft; physicians only' })
  sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @RequestContext() ctx: RequestContext,
  ): Promise<LetterDto> {
    return this.letters.sign(id, letterId, ctx);
  }
}
